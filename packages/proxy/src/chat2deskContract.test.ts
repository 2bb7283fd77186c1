import { describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { postJson } from './test/startProxy.js';
import { setupLiveProxy } from './test/setupLiveProxy.js';

// Every row of shared/chat2desk-api.md marked ⚠ (where the real API differs from what the
// first release guessed), over real HTTP: browser → proxy → a fake Chat2Desk answering the
// contract fixtures (test/fixtures/chat2desk). Error bodies are served at HTTP 200, as Chat2Desk
// often sends them, and at a 4xx, since their status is not documented.

const { upstream, start, call } = setupLiveProxy({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 } });

describe('⚠ errors arrive in the body, whatever the HTTP status', () => {
  it.each([
    [c2d.errorNotFound, 200],
    [c2d.errorNotFound, 404],
    [c2d.errorPageNotFound, 200],
    [c2d.errorPageNotFound, 404],
  ])('%j at HTTP %i answers 404 not_found, naming the record', async (body, status) => {
    await start();
    upstream.on('GET', '/v1/clients/1201', { status, body });
    expect(await call('/clients/1201')).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Client 1201 not found' } } });
    expect(upstream.calls).toHaveLength(1);
  });

  it.each([
    [c2d.errorTokenIncorrect, 200],
    [c2d.errorTokenIncorrect, 401],
    [c2d.errorNeedAuth, 200],
    [c2d.errorNeedAuth, 403],
  ])('%j at HTTP %i answers 502 upstream_auth, not retried, saying to fix CHAT2DESK_API_TOKEN', async (body, status) => {
    await start();
    upstream.on('GET', '/v1/clients', { status, body });
    const answer = await call('/clients');
    expect(answer).toMatchObject({ status: 502, body: { error: { code: 'upstream_auth', message: expect.stringContaining('CHAT2DESK_API_TOKEN') } } });
    expect(upstream.calls).toHaveLength(1);
  });

  it.each([200, 429])('the short-window limit at HTTP %i is retried with backoff, and a later success answers', async (status) => {
    await start();
    upstream.on('GET', '/v1/clients', (_call, n) => (n < 2 ? { status, body: c2d.errorRateLimited } : undefined));
    expect((await call('/clients')).status).toBe(200);
    expect(upstream.calls).toHaveLength(3);
  });

  it.each([200, 429])('the short-window limit at HTTP %i that outlasts the retries answers 429 rate_limited with Retry-After', async (status) => {
    await start();
    upstream.on('GET', '/v1/clients', { status, body: c2d.errorRateLimited });
    const answer = await call('/clients');
    expect(answer).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(upstream.calls).toHaveLength(3);
  });

  it.each([200, 403])('the monthly quota at HTTP %i answers 503 upstream_quota, never retried, and remembered: a burst costs no more calls', async (status) => {
    await start();
    upstream.on('GET', '/v1/clients', { status, body: c2d.errorQuota });
    const first = await call('/clients');
    expect(first).toMatchObject({ status: 503, body: { error: { code: 'upstream_quota', message: expect.stringContaining('Ask your Chat2Desk admin') } } });
    expect(first.headers.get('retry-after')).toBe('60');
    const burst = await Promise.all([call('/clients/1201'), call('/operators'), call('/messages', postJson({ clientId: 1201, text: 'hi' }))]);
    expect(burst.map((a) => [a.status, a.body.error.code])).toEqual(Array.from({ length: 3 }, () => [503, 'upstream_quota']));
    expect(upstream.calls).toHaveLength(1);
  });

  it.each([200, 400, 422])('a refused send at HTTP %i answers 400 naming the field from errors', async (status) => {
    await start();
    upstream.on('POST', '/v1/messages', { status, body: c2d.errorSendRefused });
    const answer = await call('/messages', postJson({ clientId: 1201, text: 'hi', transport: 'fax' }));
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', message: 'Chat2Desk refused the request: Validation failed (transport: transport is incorrect)' } },
    });
  });

  it.each([200, 400])('a refusal whose errors is a string at HTTP %i carries that string', async (status) => {
    await start();
    upstream.on('POST', '/v1/messages', { status, body: c2d.errorDialogAlreadyClosed });
    const answer = await call('/messages', postJson({ clientId: 1201, text: 'hi' }));
    expect(answer.body.error.message).toBe('Chat2Desk refused the request: Bad request (Dialog already has state closed)');
  });
});

describe('⚠ the rows of answers', () => {
  it('times: "… UTC" and the older "dd.MM.yyyy HH:mm:ss" both become ISO UTC', async () => {
    await start();
    upstream.on('GET', '/v1/clients', { body: c2d.clientsList });
    const { body } = await call('/clients?limit=2');
    expect(body.data.map((c) => [c.firstClientMessage, c.lastClientMessage])).toEqual([
      ['2025-09-01T08:00:00.000Z', '2025-09-09T13:20:25.000Z'],
      ['2021-03-02T09:15:00.000Z', '2025-09-09T13:20:25.000Z'],
    ]);
    expect(body.meta).toEqual({ total: 12480, limit: 2, offset: 0 });
  });

  it('dialogs: the client and the last message come from last_message; a string count is read', async () => {
    await start();
    const { status, body } = await call('/dialogs/5501');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ clientId: 1201, messagesCount: 12, lastMessageAt: '2025-09-09T13:20:25.000Z', lastMessage: { id: 900108, type: 'from_client' } });
  });

  it('a client’s channels: transports arrays flattened, one entry per channel and transport', async () => {
    await start();
    const { status, body } = await call('/clients/1201/channels');
    expect(status).toBe(200);
    expect(body.data.map((c) => `${c.channelId}:${c.transport}`)).toEqual(['3:whatsapp', '3:telegram', '1:sms']);
  });

  it('messages: a page with an unknown type and every kind of media answers whole', async () => {
    await start();
    const { status, body } = await call('/clients/1201/messages?limit=8');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(8);
    expect(body.data.find((m) => m.rawType === 'interactive')).toMatchObject({ type: 'system', text: 'Выберите вариант' });
    const kinds = body.data.flatMap((m) => (m.attachments as Array<{ kind: string }>).map((a) => a.kind));
    expect(new Set(kinds)).toEqual(new Set(['photo', 'pdf', 'audio', 'video', 'file']));
    expect(body.data.find((m) => m.location)).toMatchObject({ location: { latitude: 43.238949, longitude: 76.889709 } });
  });

  it('clients: a name is never sent as q (Chat2Desk ignores it and would answer everyone)', async () => {
    await start();
    const { body } = await call('/clients?q=James');
    expect(body.meta).toMatchObject({ total: 0, search: { indexed: 0, complete: false } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('transfers: nothing asks for /v1/transfers, which does not exist', async () => {
    await start();
    expect((await call('/transfers?clientId=1201')).status).toBe(200);
    expect(upstream.callsTo('/v1/transfers')).toHaveLength(0);
  });
});

// The operator's work: the rows shared/chat2desk-api.md marks L or M are coded in one place each
// (paths.ts, mappers.ts, findClientDialog.ts); these hold the proxy to what it relies on.
describe('⚠ the operator’s work', () => {
  it('a client’s dialog: the unverified /v1/clients/{id}/dialogs is never asked for; the latest messages name it', async () => {
    await start();
    expect((await call('/clients/1201/dialog')).body.data).toMatchObject({ id: 5501 });
    expect(upstream.calls.filter((c) => c.pathname.includes('/dialogs') && c.pathname.startsWith('/v1/clients'))).toHaveLength(0);
  });

  it('writes: Chat2Desk’s answers carry no record, so the dialog and the card are read again to answer', async () => {
    await start();
    expect((await call('/dialogs/5502/reopen', postJson({}))).body.data).toMatchObject({ id: 5502 });
    expect((await call('/clients/1201', { ...postJson({ comment: 'x' }), method: 'PATCH' })).body.data).toMatchObject({ id: 1201 });
    expect(upstream.calls.map((c) => `${c.method} ${c.pathname}`)).toEqual(['GET /v1/dialogs/5502', 'PUT /v1/dialogs/5502', 'GET /v1/dialogs/5502', 'PUT /v1/clients/1201', 'GET /v1/clients/1201']);
  });

  it.each([
    ['at HTTP 200', 200],
    ['at HTTP 400', 400],
  ])('a refused write (errors naming the field %s) answers 400 with Chat2Desk’s reason', async (_, status) => {
    await start();
    upstream.on('PUT', '/v1/clients/1201', { status, body: { status: 'error', message: 'Validation failed', errors: { nickname: ['is too long'] } } });
    const answer = await call('/clients/1201', { ...postJson({ name: 'x' }), method: 'PATCH' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('nickname') } } });
  });

  it('tags: a client is filtered by `tags`, tags are put on with assign_to and taken off with delete_from?client_id', async () => {
    await start();
    await call('/clients?tagId=78');
    await call('/clients/1201/tags', postJson({ tagIds: [78] }));
    expect(upstream.calls.filter((c) => c.method !== 'GET' || c.query.has('tags')).map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /v1/clients?limit=20&offset=0&tags=78',
      'POST /v1/tags/assign_to',
      'DELETE /v1/tags/77/delete_from?client_id=1201',
    ]);
  });
});
