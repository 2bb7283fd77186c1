import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapOperatorList, mapTransferList, withOperatorNames } from '../upstream/mappers.js';
import { operatorsPath, transfersPath } from '../upstream/paths.js';
import { listBody } from './cachedJson.js';
import { transfersQuerySchema } from './requestSchemas.js';
import { validQuery } from './validators.js';

/** `/transfers`: dialog transfers, filtered, with the operators' names filled in. */
export function createTransfersRoutes({ upstream }: ProxyDeps) {
  return new Hono<ProxyEnv>().get('/', validQuery(transfersQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const stats = c.var.stats;
    const [list, operators] = await Promise.all([
      upstream.get(transfersPath(query), mapTransferList, stats),
      // Names are a nicety: transfers still answer (with null names) when operators fail.
      upstream.get(operatorsPath(), mapOperatorList, stats).catch(() => undefined),
    ]);
    return c.json(listBody({ data: withOperatorNames(list.data, operators?.data ?? []), meta: list.meta }, query));
  });
}
