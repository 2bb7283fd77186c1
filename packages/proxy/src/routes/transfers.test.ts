import type { Transfer } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import type { TransferLog } from '../store/TransferLog.js';
import { createMemoryTransferLog } from '../store/createMemoryTransferLog.js';
import { createTransfersRoutes } from './transfers.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import * as c2d from '../../test/fixtures/chat2desk/index.js';

const { upstream, start, call } = setupLiveProxy();

const recorded = (id: number, fields: Partial<Transfer> = {}): Transfer => ({
  id,
  dialogId: 5501,
  clientId: 1201,
  fromOperatorId: 102,
  toOperatorId: 101,
  fromOperatorName: null,
  toOperatorName: null,
  created: `2025-09-09T13:3${id}:00.000Z`,
  reason: null,
  ...fields,
});

/** The transfers sub-app over a given log and an upstream answering only the operators list. */
function transfersApp(log: TransferLog, operators: () => Promise<unknown>) {
  const client = { get: async (_path: string, map: (payload: unknown) => unknown) => map(await operators()) } as unknown as UpstreamClient;
  const app = createTransfersRoutes({ upstream: client, transfers: log } as unknown as ProxyDeps);
  return async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as { data: Transfer[]; meta: unknown } };
  };
}

describe('transfers route', () => {
  it('live GET /transfers answers from what the proxy recorded (empty until then) and never asks for /v1/transfers', async () => {
    await start();
    const { status, body } = await call('/transfers?dialogId=5501&limit=10');
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], meta: { total: 0, limit: 10, offset: 0 } });
    // Nothing to name, so not even the operators list is asked for.
    expect(upstream.calls).toHaveLength(0);
  });

  it('filters and pages what was recorded, and names the operators from the operators list', async () => {
    const log = createMemoryTransferLog();
    log.record(recorded(1, { fromOperatorId: null }));
    log.record(recorded(2, { fromOperatorId: 101, toOperatorId: 99, reason: 'VIP' }));
    log.record(recorded(3, { dialogId: 5502, clientId: 1202 }));
    const get = transfersApp(log, async () => c2d.operatorsList);
    const { body } = await get('/?clientId=1201&limit=1&offset=1');
    expect(body.meta).toEqual({ total: 2, limit: 1, offset: 1 });
    expect(body.data).toEqual([{ ...recorded(1, { fromOperatorId: null }), toOperatorName: 'Иван Петров' }]);
    const named = (await get('/?operatorId=101')).body.data;
    expect(named.map((t) => [t.id, t.fromOperatorName, t.toOperatorName])).toEqual([
      [3, 'Anna', 'Иван Петров'],
      [2, 'Иван Петров', null],
      [1, null, 'Иван Петров'],
    ]);
  });

  it('still answers, without names, when the operators list fails', async () => {
    const log = createMemoryTransferLog();
    log.record(recorded(1));
    const get = transfersApp(log, async () => {
      throw new Error('Chat2Desk is down');
    });
    const { status, body } = await get('/?dialogId=5501');
    expect(status).toBe(200);
    expect(body.data[0]).toMatchObject({ id: 1, fromOperatorName: null, toOperatorName: null });
  });
});
