import { describe, expect, it } from 'vitest';
import { serveProxy } from './serveProxy.js';

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
