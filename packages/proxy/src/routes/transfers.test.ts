import type { ConsoleTransferEvent, Transfer } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import { collectEvents, postWebhook } from '../test/liveEvents.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

const page = { limit: 20, offset: 0 };

describe('transfers route', () => {
  it('live GET /transfers answers from what the proxy recorded (empty until then) and never asks for /v1/transfers', async () => {
    await start();
    const { status, body } = await call('/transfers?dialogId=5501&limit=10');
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], meta: { total: 0, limit: 10, offset: 0 } });
    // Nothing to name, so not even the operators list is asked for.
    expect(upstream.calls).toHaveLength(0);
  });

  it('records a dialog_transferred webhook from the dialog’s last known operator to the one Chat2Desk now shows, and serves it with names', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores });
    const stream = collectEvents(proxy.url);
    await stream.opened;
    // A console read the dialog while operator 102 had it: that is the operator it is transferred from.
    upstream.on('GET', '/v1/dialogs/5501', (_call, n) => (n === 0 ? { body: { status: 'success', data: { ...c2d.dialogOpen, operator_id: 102 } } } : undefined));
    expect((await call('/dialogs/5501')).body.data).toMatchObject({ operatorId: 102 });

    // ⚠ The delivery names no operator: the proxy reads the dialog (now 101's) to learn the new one.
    expect((await postWebhook(proxy, c2d.hookDialogTransferred)).status).toBe(200);
    await stream.until((events) => events.some((e) => e.type === 'transfer'));
    const expected: Transfer = {
      id: expect.any(Number) as unknown as number,
      dialogId: 5501,
      clientId: 1201,
      fromOperatorId: 102,
      toOperatorId: 101,
      fromOperatorName: 'Anna',
      toOperatorName: 'Иван Петров',
      created: '2025-09-09T13:30:00.000Z',
      reason: null,
    };
    expect(stream.events.map((e) => e.type)).toEqual(['dialog', 'transfer']);
    expect(stream.events[0]).toMatchObject({ type: 'dialog', data: { change: 'transferred', dialogId: 5501, clientId: 1201, operatorId: null } });
    expect((stream.events[1] as ConsoleTransferEvent).data).toEqual(expected);
    expect(upstream.callsTo('/v1/dialogs/5501').map((c) => c.method)).toEqual(['GET', 'GET']);

    // The next transfer, naming its operator, goes on from the previous record.
    await postWebhook(proxy, { ...c2d.hookDialogTransferred, operator_id: 102, event_time: '2025-09-09T15:00:00Z' });
    await stream.until((events) => events.filter((e) => e.type === 'transfer').length === 2);
    const listed = await call('/transfers?dialogId=5501');
    expect(listed.body.meta).toEqual({ total: 2, limit: 20, offset: 0 });
    expect(listed.body.data).toEqual([
      { ...expected, id: expect.any(Number), fromOperatorId: 101, toOperatorId: 102, fromOperatorName: 'Иван Петров', toOperatorName: 'Anna', created: '2025-09-09T15:00:00.000Z' },
      expected,
    ]);
    expect((await call('/transfers?operatorId=102&limit=1&offset=1')).body.data).toEqual([expected]);
    expect((await stores.transfers.list({ clientId: 1201 }, page)).total).toBe(2);
    stream.close();
  });

  it('records nothing, and logs why, for a dialog Chat2Desk shows with no operator', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores });
    upstream.on('GET', '/v1/dialogs/5502', { body: { status: 'success', data: c2d.dialogClosed } });
    await postWebhook(proxy, { ...c2d.hookDialogTransferred, dialog_id: 5502, client_id: 1202 });
    await expect.poll(() => proxy.logs.some((line) => line.includes('the dialog has no operator now'))).toBe(true);
    expect((await stores.transfers.list({}, page)).total).toBe(0);
  });

  it('still answers, without names, when the operators list fails', async () => {
    const stores = createMemoryStores();
    await stores.transfers.record({ dialogId: 5501, clientId: 1201, fromOperatorId: 102, toOperatorId: 101, created: '2025-09-09T13:30:00Z' });
    await start({ store: stores });
    upstream.on('GET', '/v1/operators', { status: 500 });
    const { status, body } = await call('/transfers?dialogId=5501');
    expect(status).toBe(200);
    expect(body.data[0]).toMatchObject({ fromOperatorId: 102, toOperatorId: 101, fromOperatorName: null, toOperatorName: null });
  });
});
