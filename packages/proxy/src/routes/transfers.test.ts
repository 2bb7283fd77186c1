import type { Transfer } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('transfers route', () => {
  it('GET /transfers filters upstream and names the operators from the operators list', async () => {
    await start();
    const { body } = await call('/transfers?dialogId=900&limit=10');
    expect(upstream.callsTo('/v1/transfers')[0]?.path).toBe('/v1/transfers?dialog_id=900&limit=10&offset=0');
    expect(upstream.callsTo('/v1/operators')[0]?.path).toBe('/v1/operators?limit=200&offset=0');
    expect(body.meta).toEqual({ total: 3, limit: 10, offset: 0 });
    expect(body.data).toEqual([
      {
        id: 31,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: 8,
        toOperatorId: 7,
        fromOperatorName: 'max@example.com',
        toOperatorName: 'Алия Нурпеисова',
        created: '2026-11-01T11:35:00.000Z',
        reason: 'VIP',
      },
      {
        id: 30,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: null,
        toOperatorId: 8,
        fromOperatorName: null,
        toOperatorName: 'max@example.com',
        created: '2026-11-01T11:30:20.000Z',
        reason: null,
      },
      {
        id: 29,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: 7,
        toOperatorId: 99,
        fromOperatorName: 'Алия Нурпеисова',
        toOperatorName: null,
        created: '2026-11-01T11:20:00.000Z',
        reason: null,
      },
    ] satisfies Transfer[]);
  });

  it('GET /transfers still answers, without names, when the operators list fails', async () => {
    await start({ retry: { retries: 0 } });
    upstream.on('GET', '/v1/operators', { status: 500 });
    const { status, body } = await call('/transfers?clientId=11&operatorId=7');
    expect(status).toBe(200);
    expect(upstream.callsTo('/v1/transfers')[0]?.path).toBe('/v1/transfers?client_id=11&operator_id=7&limit=20&offset=0');
    expect(body.data[0]).toMatchObject({ id: 31, fromOperatorName: null, toOperatorName: null });
  });
});
