import { describe, expect, it } from 'vitest';
import { bucketViolations } from '../test/bucketViolations.js';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 } });

describe('upstream errors', () => {
  it.each([401, 403])('upstream %i answers 502 upstream_auth, without retrying', async (status) => {
    await start();
    upstream.on('GET', '/v1/clients', { status, body: { status: 'error', message: 'Unauthorized' } });
    const answer = await call('/clients');
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_auth');
    expect(answer.body.error.message).toContain("the proxy's Chat2Desk token was rejected".replace('the', 'The'));
    expect(upstream.calls).toHaveLength(1);
  });

  it('upstream 404 answers 404 not_found, without retrying', async () => {
    await start();
    const answer = await call('/clients/404');
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(upstream.calls).toHaveLength(1);
  });

  it('malformed JSON answers 502 upstream_error', async () => {
    await start();
    upstream.on('GET', '/v1/dialogs/5501', { raw: '{"data": {"id": 900,' });
    const answer = await call('/dialogs/5501');
    expect(answer).toMatchObject({ status: 502, body: { error: { code: 'upstream_error', message: 'Chat2Desk answered something other than JSON' } } });
  });

  it('a 4xx Chat2Desk refusal of a send answers 400 with its reason', async () => {
    await start();
    upstream.on('POST', '/v1/messages', { status: 422, body: { status: 'error', message: 'Client has no channel' } });
    const answer = await call('/messages', postJson({ clientId: 11, text: 'hi' }));
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'Chat2Desk refused the request: Client has no channel' } } });
  });

  it('a call slower than timeoutMs answers 504 upstream_timeout, once, without waiting for it', async () => {
    await start({ timeoutMs: 100 });
    upstream.on('GET', '/v1/operators', { latencyMs: 1000 });
    const started = performance.now();
    const answer = await call('/operators');
    expect(performance.now() - started).toBeLessThan(900);
    expect(answer).toMatchObject({ status: 504, body: { error: { code: 'upstream_timeout', message: 'Chat2Desk did not answer within 100 ms' } } });
    expect(upstream.calls).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a GET after 5xx and answers the later success', async () => {
    const proxy = await start();
    upstream.on('GET', '/v1/clients', (_call, n) => (n < 2 ? { status: n === 0 ? 500 : 503 } : undefined));
    const answer = await call('/clients');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(2);
    expect(upstream.calls).toHaveLength(3);
    expect(JSON.parse(proxy.logs[0]!)).toMatchObject({ status: 200, upstreamCalls: 3 });
  });

  it('gives up after the configured retries with 502 upstream_error', async () => {
    await start();
    upstream.on('GET', '/v1/clients', { status: 503 });
    const answer = await call('/clients');
    expect(answer).toMatchObject({ status: 502, body: { error: { code: 'upstream_error', message: 'Chat2Desk failed to answer (HTTP 503)' } } });
    expect(upstream.calls).toHaveLength(3);
  });

  it('retries a GET after a network error', async () => {
    await start();
    upstream.on('GET', '/v1/clients/1201', (_call, n) => (n === 0 ? { drop: true } : undefined));
    const answer = await call('/clients/1201');
    expect(answer.status).toBe(200);
    expect(upstream.calls).toHaveLength(2);
  });

  it('answers 502 when Chat2Desk cannot be reached at all', async () => {
    await start({ upstreamUrl: 'http://127.0.0.1:9' });
    const answer = await call('/clients');
    expect(answer.status).toBe(502);
    expect(answer.body.error).toEqual({ code: 'upstream_error', message: expect.stringMatching(/^Could not reach Chat2Desk/) });
  });

  it.each([
    ['a 500', { status: 500 }, 502],
    ['a network error', { drop: true }, 502],
    ['a 429', { status: 429, headers: { 'retry-after': '0' } }, 429],
  ])('never retries POST /messages after %s', async (_name, reply, status) => {
    await start();
    upstream.on('POST', '/v1/messages', reply);
    const answer = await call('/messages', postJson({ clientId: 11, text: 'only once' }));
    expect(answer.status).toBe(status);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it('waits for Retry-After on 429 before retrying a GET', async () => {
    await start({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 2000 } });
    upstream.on('GET', '/v1/operators', (_call, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : undefined));
    const answer = await call('/operators');
    expect(answer.status).toBe(200);
    const [first, second] = upstream.calls;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('answers 429 rate_limited with Retry-After at once when Chat2Desk asks for a long wait', async () => {
    await start();
    upstream.on('GET', '/v1/operators', { status: 429, headers: { 'retry-after': '30' } });
    const started = performance.now();
    const answer = await call('/operators');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(upstream.calls).toHaveLength(1);
  });

  it('answers 429 rate_limited with Retry-After when 429s outlast the retries', async () => {
    await start();
    upstream.on('GET', '/v1/operators', { status: 429, headers: { 'retry-after': '0' } });
    const answer = await call('/operators');
    expect(answer).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(upstream.calls).toHaveLength(3);
  });
});

describe('coalescing and caching', () => {
  it('makes one upstream call for 100 concurrent identical GETs', async () => {
    const proxy = await start({ cache: false });
    // Long enough that all 100 requests reach the proxy while the first call is in flight, even
    // when a busy machine spreads them out (coalescing joins calls in flight; the cache is off).
    upstream.on('GET', '/v1/clients', { latencyMs: 1500 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => call('/clients?limit=2')));
    expect(answers.every((a) => a.status === 200 && a.body.data.length === 2)).toBe(true);
    expect(upstream.calls).toHaveLength(1);
    const calls = proxy.logs.map((line) => JSON.parse(line).upstreamCalls as number);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('does not coalesce different queries', async () => {
    await start({ cache: false });
    upstream.on('GET', '/v1/clients', { latencyMs: 50 });
    await Promise.all([call('/clients?limit=1'), call('/clients?limit=2'), call('/clients?limit=1')]);
    expect(upstream.calls).toHaveLength(2);
  });

  it('serves GETs from the cache until cacheTtlMs has passed', async () => {
    await start({ cacheTtlMs: 200 });
    await call('/clients');
    const cached = await call('/clients');
    expect(cached.body.data).toHaveLength(2);
    expect(upstream.calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await call('/clients');
    expect(upstream.calls).toHaveLength(2);
  });

  it('does not cache errors', async () => {
    await start({ retry: { retries: 0 } });
    upstream.on('GET', '/v1/clients', (_call, n) => (n === 0 ? { status: 500 } : undefined));
    expect((await call('/clients')).status).toBe(502);
    expect((await call('/clients')).status).toBe(200);
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('rate limit', () => {
  it('never exceeds the budget under 10× overload, and refuses the excess with 429 + Retry-After', async () => {
    const budget = { requestsPerSecond: 10, burst: 1 };
    const released: number[] = [];
    await start({ cache: false, rateLimit: { ...budget, maxWaitMs: 500 }, onUpstreamCall: () => released.push(performance.now()) });
    // 10× the budget for a second: 100 distinct GETs (distinct offsets, so nothing coalesces).
    const waves = Array.from({ length: 10 }, (_, wave) =>
      new Promise((resolve) => setTimeout(resolve, wave * 100)).then(() =>
        Promise.all(Array.from({ length: 10 }, (_item, i) => call(`/clients?offset=${wave * 10 + i}`))),
      ),
    );
    const settled = (await Promise.all(waves)).flat();
    const ok = settled.filter((a) => a.status === 200);
    const refused = settled.filter((a) => a.status === 429);
    expect(ok.length + refused.length).toBe(100);
    // About 1 s of sending + 0.5 s of queue at 10/s: some 15 calls went through.
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(ok.length).toBeLessThanOrEqual(20);
    expect(upstream.calls).toHaveLength(ok.length);
    // When the proxy let each call go: exactly within the bucket.
    expect(bucketViolations(released, { ...budget, jitterMs: 1 })).toEqual([]);
    // When they reached Chat2Desk: within the bucket, allowing for socket and event-loop jitter
    // (a call delayed on its way by a busy machine arrives bunched with the next one).
    expect(bucketViolations(upstream.calls.map((c) => c.at), { ...budget, jitterMs: 200 })).toEqual([]);
    for (const answer of refused) {
      expect(answer.body.error.code).toBe('rate_limited');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });
});
