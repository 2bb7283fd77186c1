import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapOperatorList } from '../upstream/mappers.js';
import { operatorsPath } from '../upstream/paths.js';
import { cachedJson, listBody } from './cachedJson.js';
import { operatorsQuerySchema } from './requestSchemas.js';
import { validQuery } from './validators.js';

/** `/operators`: the account's operators (by default all of them, up to 200), each with `online`: who can take a dialog now. */
export function createOperatorsRoutes({ upstream }: ProxyDeps) {
  return new Hono<ProxyEnv>().get('/', can('read'), validQuery(operatorsQuerySchema), async (c) => {
    const page = c.req.valid('query');
    const list = await upstream.get(operatorsPath(page), mapOperatorList, c.var.stats);
    return cachedJson(c, list, () => listBody(list, page));
  });
}
