import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import type { CallStats } from '../upstream/createUpstreamClient.js';
import type { UpstreamList } from '../upstream/mappers.js';
import { cachedJson, listBody } from './cachedJson.js';
import { noQuerySchema } from './requestSchemas.js';
import { validQuery } from './validators.js';

/**
 * A lookup sub-app (`/operator-groups`, `/templates`, `/tags`): `GET /` answers the whole list,
 * as `load` keeps it (`Lookups`: read at most every few minutes), in the list envelope.
 */
export function createLookupRoutes<T>(load: (stats: CallStats) => Promise<UpstreamList<T>>) {
  return new Hono<ProxyEnv>().get('/', can('read'), validQuery(noQuerySchema), async (c) => {
    const list = await load(c.var.stats);
    return cachedJson(c, list, () => listBody(list, { limit: Math.max(list.data.length, 1), offset: 0 }));
  });
}
