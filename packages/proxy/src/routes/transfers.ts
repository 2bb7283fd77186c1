import type { Transfer } from '@c2d-console/core';
import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapOperatorList, withOperatorNames } from '../upstream/mappers.js';
import { operatorsPath } from '../upstream/paths.js';
import { transfersQuerySchema } from './requestSchemas.js';
import { validQuery } from './validators.js';

/**
 * `/transfers`: the dialog transfers the proxy recorded from `dialog_transferred` webhooks (⚠
 * Chat2Desk has no endpoint for them), in live and sandbox mode alike, filtered, newest first,
 * with the operators' names filled in from Chat2Desk.
 */
export function createTransfersRoutes({ upstream, live }: ProxyDeps) {
  return new Hono<ProxyEnv>().get('/', can('read'), validQuery(transfersQuerySchema), async (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const recorded = await (await live.stores()).transfers.list(filter, { limit, offset });
    // Names are a nicety: transfers still answer (with null names) when operators fail, and an
    // empty page costs no call.
    const operators = recorded.transfers.length === 0 ? undefined : await upstream.get(operatorsPath(), mapOperatorList, c.var.stats).catch(() => undefined);
    const unnamed: Transfer[] = recorded.transfers.map((transfer) => ({ ...transfer, fromOperatorName: null, toOperatorName: null }));
    return c.json({ data: withOperatorNames(unnamed, operators?.data ?? []), meta: { total: recorded.total, limit, offset } });
  });
}
