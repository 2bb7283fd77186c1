import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { bearer, nowSeconds, TEST_JWT_SECRET } from '../test/testJwt.js';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('idempotent send', () => {
  it('answers a repeated idempotencyKey with the first result and no second send', async () => {
    await start();
    const first = await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'key-1' }));
    upstream.on('POST', '/v1/messages', { status: 201, body: { data: { message_id: 999, dialog_id: 1, request_id: 1, channel_id: 1, transport: 'sms' }, status: 'success' } });
    const second = await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'key-1' }));
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
    const third = await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'key-2' }));
    expect(third.body.data.messageId).toBe(999);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });

  it('sends once for concurrent duplicates', async () => {
    await start();
    upstream.on('POST', '/v1/messages', { latencyMs: 100 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'same' }))));
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body])))).toEqual(new Set([JSON.stringify([201, answers[0]!.body])]));
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it('refuses a key reused for a different message', async () => {
    await start();
    await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'k' }));
    const reused = await call('/messages', postJson({ clientId: 11, text: 'other text', idempotencyKey: 'k' }));
    expect(reused).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('idempotencyKey was already used') } } });
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it('replays an ambiguous failure (the message may have gone out) instead of sending again', async () => {
    await start();
    upstream.on('POST', '/v1/messages', (_call, n) => (n === 0 ? { status: 500 } : undefined));
    const first = await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'amb' }));
    const retry = await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'amb' }));
    expect(first.status).toBe(502);
    expect(retry).toEqual({ ...first, headers: retry.headers });
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it('lets a retry send after a failure that proves nothing was sent', async () => {
    await start();
    upstream.on('POST', '/v1/messages', (_call, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '0' } } : undefined));
    expect((await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'def' }))).status).toBe(429);
    expect((await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'def' }))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });

  it('forgets a key after idempotencyTtlMs', async () => {
    await start({ idempotencyTtlMs: 100 });
    await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'ttl' }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await call('/messages', postJson({ clientId: 11, text: 'hi', idempotencyKey: 'ttl' }));
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });

  it("scopes keys to the caller: another user's same key and text is sent, and gets its own result", async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const as = async (sub: string) => bearer(await sign({ sub, exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256'));
    const send = { clientId: 11, text: 'hi', idempotencyKey: 'same-key' };
    upstream.on('POST', '/v1/messages', (_call, n) => ({
      status: 201,
      body: { data: { message_id: 600 + n, dialog_id: 900, request_id: 1, channel_id: 3, transport: 'whatsapp' }, status: 'success' },
    }));
    const alice = await call('/messages', postJson(send, await as('alice')));
    const bob = await call('/messages', postJson(send, await as('bob')));
    const aliceAgain = await call('/messages', postJson(send, await as('alice')));
    expect([alice.body.data.messageId, bob.body.data.messageId, aliceAgain.body.data.messageId]).toEqual([600, 601, 600]);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });

  it('scopes keys to the subject authorize names', async () => {
    await start({ auth: { authorize: (request) => ({ subject: request.headers.get('x-user') ?? undefined }) } });
    const send = { clientId: 11, text: 'hi', idempotencyKey: 'k-1' };
    await call('/messages', postJson(send, { 'x-user': 'u1' }));
    await call('/messages', postJson(send, { 'x-user': 'u2' }));
    await call('/messages', postJson(send, { 'x-user': 'u1' }));
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });
});
