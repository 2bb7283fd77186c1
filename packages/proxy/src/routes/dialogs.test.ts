import type { ConsoleDialogEvent, ConsoleTransferEvent, InboxDialog } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import type { FakeResponder } from '../test/createFakeUpstream.js';
import { collectEvents, postWebhook } from '../test/liveEvents.js';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { bearer, TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';
import { mapDialog } from '../upstream/mappers.js';

const { upstream, start, call } = setupLiveProxy();

/** Dialog 5501 as Chat2Desk answers it after the write: `changes` applied (the first read is the fixture, operator 101). */
const dialogAfterWrite =
  (changes: Record<string, unknown>): FakeResponder =>
  (_call, n) =>
    n === 0 ? undefined : { body: { status: 'success', data: { ...c2d.dialogOpen, ...changes } } };

describe('GET /dialogs (the inbox)', () => {
  it('answers the dialogs newest activity first, each named from the client index, else from one read', async () => {
    const stores = createMemoryStores();
    await stores.clientIndex.upsert([{ id: 1201, name: 'Айгерим Касымова', phone: '77011234567', assignedName: 'Айгерим (VIP)' }]);
    await start({ store: stores });
    const { status, body } = await call('/dialogs?state=open&operatorId=101&limit=2');
    expect(status).toBe(200);
    expect(upstream.calls[0]?.path).toBe('/v1/dialogs?state=open&operator_id=101&order=desc&limit=2&offset=0');
    expect(body.meta).toEqual({ total: 2, limit: 2, offset: 0 });
    const [open, closed] = [mapDialog(c2d.dialogItem), mapDialog({ data: c2d.dialogClosed })];
    expect(body.data).toEqual([
      { ...open, client: { id: 1201, name: 'Айгерим Касымова', assignedName: 'Айгерим (VIP)', phone: '77011234567' } },
      // Client 1202 is not indexed: read once from Chat2Desk, then kept in the index.
      { ...closed, client: { id: 1202, name: 'James Brown', assignedName: null, phone: '447700900123' } },
    ]);
    expect(upstream.callsTo('/v1/clients/1202')).toHaveLength(1);
    expect((await stores.clientIndex.get?.([1202]))?.[0]).toMatchObject({ id: 1202, name: 'James Brown' });
  });

  it('leaves a client unnamed rather than failing the inbox when Chat2Desk cannot name them', async () => {
    await start();
    upstream.on('GET', '/v1/clients/1201', { body: c2d.errorNotFound });
    upstream.on('GET', '/v1/clients/1202', { status: 500 });
    const { body } = await call('/dialogs');
    expect((body.data as unknown as InboxDialog[]).map((d) => d.client)).toEqual([null, null]);
  });

  it('finds the unassigned dialogs itself (Chat2Desk cannot filter by "no operator") and says how far it looked', async () => {
    await start();
    const { body } = await call('/dialogs?unassigned=true&state=closed&limit=5');
    expect(upstream.callsTo('/v1/dialogs')[0]?.path).toBe('/v1/dialogs?state=closed&order=desc&limit=200&offset=0');
    expect((body.data as unknown as InboxDialog[]).map((d) => d.id)).toEqual([5502]);
    expect(body.meta).toEqual({ total: 1, limit: 5, offset: 0, scan: { scanned: 2, complete: true } });
  });

  it.each([
    ['state=pending', 'Invalid query parameter: state must be "open" or "closed"'],
    ['operatorId=0', 'operatorId must be a positive integer'],
    ['unassigned=yes', 'unassigned must be true or false'],
    ['operatorId=101&unassigned=true', 'give operatorId (one operator\'s dialogs) or unassigned=true (nobody\'s), not both'],
    ['clientId=1201', 'unknown parameter "clientId"'],
  ])('refuses ?%s naming the parameter', async (query, message) => {
    await start();
    const answer = await call(`/dialogs?${query}`);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(message) } } });
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('GET /clients/:id/dialog', () => {
  it("answers the dialog of the client's latest messages (the history's first page)", async () => {
    await start();
    const { body } = await call('/clients/1201/dialog');
    expect(body).toEqual({ data: mapDialog(c2d.dialogItem) });
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/messages?client_id=1201&limit=20&offset=0&order=desc', '/v1/dialogs/5501']);
  });

  it('prefers an open dialog of the latest messages over a closed latest one', async () => {
    await start();
    upstream.on('GET', '/v1/messages', { body: { status: 'success', data: [{ ...c2d.messageSystemOldTime, dialog_id: 5502, client_id: 1201 }, c2d.messageComment], meta: { total: 2 } } });
    expect((await call('/clients/1201/dialog')).body.data).toMatchObject({ id: 5501, state: 'open' });
  });

  it('answers 404 when the client has no dialog, or is unknown', async () => {
    await start();
    expect(await call('/clients/1202/dialog')).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Client 1202 has no dialog yet' } } });
    upstream.on('GET', '/v1/messages', { body: c2d.errorNotFound });
    expect(await call('/clients/999/dialog')).toMatchObject({ status: 404, body: { error: { message: 'Client 999 not found' } } });
  });
});

describe('POST /dialogs/:id/transfer', () => {
  it('hands the dialog to an operator with the signed-in operator as initiator, and answers it as it is now', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    upstream.on('GET', '/v1/dialogs/5501', dialogAfterWrite({ operator_id: 102 }));
    const answer = await call('/dialogs/5501/transfer', postJson({ operatorId: 102, force: true }, bearer(await validJwt({ c2d_operator_id: 101 }))));
    expect(answer).toMatchObject({ status: 200, body: { data: { id: 5501, operatorId: 102, clientId: 1201 } } });
    expect(upstream.callsTo('/v1/dialogs/5501', 'PUT').map((c) => c.body)).toEqual([{ operator_id: 102, force_assign: true, initiator_id: 101 }]);
    // Read fresh before and after the write (never from the cache), never retried.
    expect(upstream.callsTo('/v1/dialogs/5501').map((c) => c.method)).toEqual(['GET', 'PUT', 'GET']);
  });

  it('records the transfer and tells every console at once; Chat2Desk’s webhook for it adds nothing', async () => {
    const proxy = await start();
    const stream = collectEvents(proxy.url);
    await stream.opened;
    upstream.on('GET', '/v1/dialogs/5501', dialogAfterWrite({ operator_id: 102 }));
    await call('/dialogs/5501/transfer', postJson({ operatorId: 102 }));
    await stream.until((events) => events.some((e) => e.type === 'transfer'));
    expect(stream.events.map((e) => e.type)).toEqual(['dialog', 'transfer']);
    expect((stream.events[0] as ConsoleDialogEvent).data).toEqual({ change: 'transferred', dialogId: 5501, clientId: 1201, operatorId: 102 });
    expect((stream.events[1] as ConsoleTransferEvent).data).toMatchObject({ dialogId: 5501, fromOperatorId: 101, toOperatorId: 102, fromOperatorName: 'Иван Петров', toOperatorName: 'Anna' });

    expect((await postWebhook(proxy, c2d.hookDialogTransferred)).body.data).toMatchObject({ duplicate: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events).toHaveLength(2);
    expect((await call('/transfers?dialogId=5501')).body.meta).toMatchObject({ total: 1 });
    stream.close();
  });

  it('hands the dialog to a group through its last message (a GET with side effects, sent once)', async () => {
    await start();
    upstream.on('GET', '/v1/dialogs/5501', dialogAfterWrite({ operator_id: 102 }));
    const answer = await call('/dialogs/5501/transfer', postJson({ groupId: 12, force: true }));
    expect(answer.body.data).toMatchObject({ operatorId: 102 });
    const [sent] = upstream.callsTo('/v1/messages/900108/transfer_to_group');
    expect(sent?.path).toBe('/v1/messages/900108/transfer_to_group?group_id=12&force_assign=1');
    expect((await call('/transfers?dialogId=5501')).body.data).toEqual([expect.objectContaining({ fromOperatorId: 101, toOperatorId: 102, reason: 'Support' })]);
  });

  it('never retries the group transfer, whose GET has side effects, and says why it failed', async () => {
    await start();
    upstream.on('GET', '/v1/messages/900108/transfer_to_group', { status: 503 });
    expect((await call('/dialogs/5501/transfer', postJson({ groupId: 12 }))).status).toBe(502);
    upstream.on('GET', '/v1/messages/900108/transfer_to_group', { body: { status: 'error', message: 'Validation failed', errors: { group_id: ['group is empty'] } } });
    expect(await call('/dialogs/5501/transfer', postJson({ groupId: 12 }))).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('group_id') } } });
    expect(upstream.callsTo('/v1/messages/900108/transfer_to_group')).toHaveLength(2);
  });

  it('writes nothing for the operator who already holds the dialog', async () => {
    await start();
    expect((await call('/dialogs/5501/transfer', postJson({ operatorId: 101 }))).body.data).toEqual(mapDialog(c2d.dialogItem));
    expect(upstream.callsTo('/v1/dialogs/5501', 'PUT')).toHaveLength(0);
  });

  it.each([
    [{}, 'operatorId: give operatorId (hand it to an operator) or groupId (to a group), exactly one of them'],
    [{ operatorId: 102, groupId: 11 }, 'exactly one of them'],
    [{ operatorId: '102' }, 'operatorId must be a positive integer'],
    [{ operatorId: 102, force: 'yes' }, 'force must be true or false'],
    [{ operatorId: 102, reason: 'lunch' }, 'unknown field "reason"; the allowed ones are operatorId, groupId, force, idempotencyKey'],
    [{ operatorId: 999 }, 'operatorId: the account has no operator 999 (GET /operators lists them)'],
    [{ groupId: 99 }, 'groupId: the account has no operator group 99 (GET /operator-groups lists them)'],
  ])('refuses %j naming the field, and transfers nothing', async (body, message) => {
    await start();
    const answer = await call('/dialogs/5501/transfer', postJson(body));
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(message) } } });
    expect(upstream.calls.filter((c) => c.method !== 'GET' || c.pathname.includes('transfer'))).toHaveLength(0);
  });

  it('answers 404 for a dialog Chat2Desk does not have', async () => {
    await start();
    expect(await call('/dialogs/901/transfer', postJson({ operatorId: 102 }))).toMatchObject({ status: 404, body: { error: { message: 'Dialog 901 not found' } } });
  });

  it('runs once per idempotencyKey: the same key again answers the first outcome, another body with it is refused', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const headers = bearer(await validJwt());
    upstream.on('GET', '/v1/dialogs/5501', dialogAfterWrite({ operator_id: 102 }));
    const first = await call('/dialogs/5501/transfer', postJson({ operatorId: 102, idempotencyKey: 'k-1' }, headers));
    const again = await call('/dialogs/5501/transfer', postJson({ operatorId: 102, idempotencyKey: 'k-1' }, headers));
    expect(again.body).toEqual(first.body);
    expect(upstream.callsTo('/v1/dialogs/5501', 'PUT')).toHaveLength(1);
    expect((await call('/dialogs/5501/transfer', postJson({ groupId: 11, idempotencyKey: 'k-1' }, headers))).status).toBe(400);
    expect(upstream.callsTo('/v1/dialogs/5501', 'PUT')).toHaveLength(1);
  });

  it('answers 403 naming "transfer" to a seat whose c2d_scope leaves it out', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const answer = await call('/dialogs/5501/transfer', postJson({ operatorId: 102 }, bearer(await validJwt({ c2d_scope: 'read close reopen' }))));
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('"transfer"') } } });
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('POST /dialogs/:id/close and /reopen', () => {
  it('closes with PUT {state}, drops the cached dialog and lists, and tells every console once', async () => {
    const proxy = await start({ cacheTtlMs: 60_000, auth: { jwtSecret: TEST_JWT_SECRET } });
    const headers = bearer(await validJwt({ c2d_operator_id: 102 }));
    const stream = collectEvents(proxy.url, { getAuthToken: () => validJwt() });
    await stream.opened;
    await call('/dialogs?limit=2', { headers });
    upstream.on('GET', '/v1/dialogs/5501', dialogAfterWrite({ state: 'closed', end: '2025-09-09T13:40:00 UTC' }));
    const answer = await call('/dialogs/5501/close', postJson({ idempotencyKey: 'close-1' }, headers));
    expect(answer.body.data).toMatchObject({ id: 5501, state: 'closed', end: '2025-09-09T13:40:00.000Z' });
    expect(upstream.callsTo('/v1/dialogs/5501', 'PUT').map((c) => c.body)).toEqual([{ state: 'closed', initiator_id: 102 }]);
    // The inbox page cached before the write is read again.
    await call('/dialogs?limit=2', { headers });
    expect(upstream.callsTo('/v1/dialogs')).toHaveLength(2);
    await stream.until((events) => events.length > 0);
    // Chat2Desk's close_dialog webhook for it is stored, not told again.
    await postWebhook(proxy, c2d.hookCloseDialog);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events).toEqual([expect.objectContaining({ type: 'dialog', data: { change: 'closed', dialogId: 5501, clientId: 1201, operatorId: 101 } })]);
    stream.close();
  });

  it('answers a dialog already in that state as it is, writing nothing', async () => {
    await start();
    expect((await call('/dialogs/5501/reopen', postJson({}))).body.data).toMatchObject({ state: 'open' });
    expect((await call('/dialogs/5502/close', postJson({}))).body.data).toMatchObject({ state: 'closed' });
    expect(upstream.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('reopens a closed dialog', async () => {
    await start();
    upstream.on('GET', '/v1/dialogs/5502', (_call, n) => (n === 0 ? undefined : { body: { status: 'success', data: { ...c2d.dialogClosed, state: 'open', end: null } } }));
    expect((await call('/dialogs/5502/reopen', postJson({}))).body.data).toMatchObject({ id: 5502, state: 'open', end: null });
    expect(upstream.callsTo('/v1/dialogs/5502', 'PUT').map((c) => c.body)).toEqual([{ state: 'open' }]);
  });

  it('passes Chat2Desk’s refusal on as a 400 with its reason, and forgets the echo it expected', async () => {
    const proxy = await start();
    upstream.on('PUT', '/v1/dialogs/5501', { body: c2d.errorDialogAlreadyClosed });
    expect(await call('/dialogs/5501/close', postJson({}))).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('Dialog already has state closed') } } });
    // Nothing was closed by the proxy: a close_dialog that comes now is news, told as usual.
    const stream = collectEvents(proxy.url);
    await stream.opened;
    await postWebhook(proxy, c2d.hookCloseDialog);
    await stream.until((events) => events.length === 1);
    stream.close();
  });

  it.each([
    ['/dialogs/5501/close', { reason: 'done' }, 'unknown field "reason"; the allowed ones are idempotencyKey'],
    ['/dialogs/0/reopen', {}, 'id must be a positive integer'],
  ])('%s with %j answers 400 naming the problem', async (path, body, message) => {
    await start();
    expect(await call(path, postJson(body))).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining(message) } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it.each(['close', 'reopen'] as const)('answers 403 naming "%s" when the host refuses it', async (action) => {
    await start({ auth: { authorize: (_request, context) => context.action !== action } });
    expect(await call(`/dialogs/5501/${action}`, postJson({}))).toMatchObject({ status: 403, body: { error: { message: `The host app does not allow "${action}" for this user` } } });
    expect(upstream.calls).toHaveLength(0);
  });
});
