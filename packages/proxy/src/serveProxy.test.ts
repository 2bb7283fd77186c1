import { describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';
import type { ProxyOptions } from './options.js';
import { serveProxy } from './serveProxy.js';
import { setupFakeUpstream, TEST_TOKEN } from './test/setupLiveProxy.js';
import { postJson } from './test/startProxy.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serveProxy', () => {
  it('on a shutdown signal lets in-flight requests finish, then stops accepting', async () => {
    const server = await serveProxy(
      {
        fetch: async () => {
          await delay(200);
          return new Response('done');
        },
      },
      { port: 0, signals: ['SIGUSR2'] },
    );
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const inFlight = fetch(server.url).then((r) => r.text());
    await delay(50);
    process.emit('SIGUSR2');
    expect(await inFlight).toBe('done');
    await server.closed;
    await expect(fetch(server.url)).rejects.toThrow(/fetch failed/);
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('closes connections still busy after shutdownTimeoutMs', async () => {
    const server = await serveProxy({ fetch: () => new Promise<Response>(() => {}) }, { port: 0, signals: [], shutdownTimeoutMs: 100 });
    const hanging = fetch(server.url).catch((error: unknown) => error);
    await delay(50);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('rejects when the port is taken', async () => {
    const first = await serveProxy({ fetch: () => new Response('x') }, { port: 0, signals: [] });
    await expect(serveProxy({ fetch: () => new Response('y') }, { port: first.port, signals: [] })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});

describe('shutting down a proxy', () => {
  const upstream = setupFakeUpstream();
  const serve = (options: ProxyOptions) =>
    serveProxy(createProxy({ token: TEST_TOKEN, upstreamUrl: upstream.url, insecureNoAuth: true, logger: false, ...options }), {
      port: 0,
      signals: ['SIGUSR2'],
    });
  const answer = async (response: Promise<Response>) => {
    const r = await response;
    return { status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as { error?: { code: string } } };
  };

  it('answers a call already sent (504 after timeoutMs) and refuses a queued send with 503, never sending it', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/operators', { hang: true });
    upstream.on('POST', '/v1/messages', { hang: true });
    // One call every 500 ms: the send waits in the limiter's queue behind the GET.
    const server = await serve({ timeoutMs: 500, rateLimit: { requestsPerSecond: 2, burst: 1, maxWaitMs: 2000 } });
    const read = answer(fetch(`${server.url}/operators`));
    await delay(50);
    const send = answer(fetch(`${server.url}/messages`, postJson({ clientId: 11, text: 'queued' })));
    await delay(100);
    process.emit('SIGUSR2');
    expect(await send).toEqual({ status: 503, retryAfter: '1', body: { error: { code: 'unavailable', message: expect.stringContaining('shutting down') } } });
    expect(await read).toMatchObject({ status: 504, body: { error: { code: 'upstream_timeout' } } });
    await server.closed;
    // The send never left, not even after the GET's slot freed the limiter.
    await delay(600);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(0);
    expect(upstream.callsTo('/v1/operators')).toHaveLength(1);
  });

  it('answers a read waiting to retry at once, without another attempt', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/operators', (_call, n) => (n === 0 ? { status: 503, headers: { 'retry-after': '1' } } : undefined));
    const server = await serve({ retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2000 } });
    const read = answer(fetch(`${server.url}/operators`));
    await delay(200);
    const shutdownAt = performance.now();
    process.emit('SIGUSR2');
    expect(await read).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(performance.now() - shutdownAt).toBeLessThan(500);
    await server.closed;
    expect(upstream.callsTo('/v1/operators')).toHaveLength(1);
  });

  it("gives in-flight requests the proxy's timeoutMs + 1 s by default, and refuses a shorter grace", async () => {
    const proxy = createProxy({ token: TEST_TOKEN, upstreamUrl: 'http://127.0.0.1:9', insecureNoAuth: true, timeoutMs: 10_000 });
    expect(proxy.drainTimeoutMs).toBe(11_000);
    // The grace the issue found equal to the timeout: requests would be cut at the moment they answer.
    await expect(serveProxy(proxy, { port: 0, signals: [], shutdownTimeoutMs: 10_000 })).rejects.toThrow(
      /shutdownTimeoutMs is 10000 ms, but a proxy request may still take 11000 ms/,
    );
  });
});
