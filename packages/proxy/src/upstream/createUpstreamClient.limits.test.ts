/* oxlint-disable no-await-in-loop -- requests run one after another: each sets up its own answer, or orders the LRU */
import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '../store/createMemoryCache.js';
import { setupLiveProxy, TEST_TOKEN } from '../test/setupLiveProxy.js';
import { postJson } from '../test/startProxy.js';

// What an adversarial or failing Chat2Desk must not be able to do to the proxy: lock it with a
// long Retry-After, leak the token through a cut error message, or fill its memory with answers
// nobody reads again.
const { upstream, start, call, request } = setupLiveProxy({ retry: { retries: 0 } });
const KIB = 1024;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Chat2Desk's Retry-After", () => {
  it.each([
    ['a day', '86400'],
    ['a date in 2100', 'Fri, 01 Jan 2100 00:00:00 GMT'],
    ['a number too large to print', '99999999999999999999999'],
  ])('of %s is passed on as at most 60 s, and the proxy waits no longer than that', async (_name, retryAfter) => {
    await start({ rateLimit: { requestsPerSecond: 50, burst: 5 } });
    upstream.on('GET', '/v1/operators', { status: 429, headers: { 'retry-after': retryAfter } });
    const limited = await call('/operators');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.body.error.message).toBe("Chat2Desk's rate limit was reached; retry in 60 s");
    // Every route waits out the pause, sends included, but for 60 s at most.
    const send = await call('/messages', postJson({ clientId: 11, text: 'hi' }));
    expect(send.status).toBe(429);
    expect(Number(send.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(0);
  });

  it('stops holding calls back once a later answer succeeds', async () => {
    await start({ rateLimit: { requestsPerSecond: 50, burst: 5 } });
    upstream.on('GET', '/v1/clients', { latencyMs: 200 });
    upstream.on('GET', '/v1/operators', { status: 429, headers: { 'retry-after': '120' } });
    const slow = call('/clients');
    await delay(50);
    expect((await call('/operators')).status).toBe(429);
    // The read sent before the 429 succeeds after it: Chat2Desk is answering again.
    expect((await slow).status).toBe(200);
    const send = await call('/messages', postJson({ clientId: 11, text: 'hi' }));
    expect(send.status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });
});

describe('an error message echoing the token', () => {
  it('never carries any part of it, wherever the 300-character cut falls', async () => {
    await start();
    // Chat2Desk echoes the Authorization header it got, after `offset` characters of text.
    const echo = (offset: number) => (c: { headers: Record<string, unknown> }) => ({
      status: 422,
      body: { status: 'error', message: `${'x'.repeat(offset)}${String(c.headers.authorization)} is not allowed here` },
    });
    const first = 300 - TEST_TOKEN.length - 2;
    for (let offset = first; offset <= 302; offset++) {
      upstream.on('POST', '/v1/messages', echo(offset));
      upstream.on('GET', '/v1/dialogs/900', echo(offset));
      const send = await request('/messages', postJson({ clientId: 11, text: 'hi' }));
      const read = await request('/dialogs/900');
      const texts = [await send.text(), await read.text()];
      expect([send.status, read.status]).toEqual([400, 502]);
      for (const text of texts) expect({ offset, text }).toEqual({ offset, text: expect.not.stringContaining(TEST_TOKEN.slice(0, 4)) });
    }
  });
});

describe('cache memory', () => {
  it('forgets cached answers once they expire, though nobody asks for them again', async () => {
    const cache = createMemoryCache();
    await start({ cache, cacheTtlMs: 1000 });
    await Promise.all([call('/clients'), call('/clients?offset=1'), call('/operators')]);
    expect(cache.size).toBe(3);
    // Gone soon after the TTL (however busy the machine), with no request reading them.
    await vi.waitFor(() => expect(cache.size).toBe(0), { timeout: 5000, interval: 50 });
    expect(cache.bytes).toBe(0);
  });

  it('weighs each answer by the size of its body and keeps no more bytes than the bound', async () => {
    const cache = createMemoryCache({ maxBytes: 1024 * KIB });
    await start({ cache, cacheTtlMs: 60_000 });
    upstream.on('GET', '/v1/clients', { hugeBytes: 400 * KIB });
    for (const offset of [0, 1, 2]) expect((await call(`/clients?offset=${offset}`)).status).toBe(200);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(800 * KIB);
  });

  it('bounds the default cache by cacheMaxBytes: the least recently used page is read again', async () => {
    await start({ cacheMaxBytes: 1024 * KIB, cacheTtlMs: 60_000 });
    upstream.on('GET', '/v1/clients', { hugeBytes: 400 * KIB });
    for (const offset of [0, 1, 2, 2, 1, 0]) await call(`/clients?offset=${offset}`);
    expect(upstream.calls.map((c) => c.query.get('offset'))).toEqual(['0', '1', '2', '0']);
  });
});
