/**
 * Child process of `cluster.bench.ts`: one proxy instance, run from source under tsx. Args:
 * mode (`memory`: the in-memory defaults; `redis`: the `redis` option, every shared piece in
 * Redis), the upstream URL, the Chat2Desk token, the Redis URL. IPC: sends { type: 'ready', url }.
 */
import { createProxy } from '../src/createProxy.js';
import { serveProxy } from '../src/serveProxy.js';

const [mode, upstreamUrl = '', token = '', redisUrl = ''] = process.argv.slice(2);

async function start(): Promise<string> {
  const base = { token, upstreamUrl, insecureNoAuth: true, logger: false as const };
  if (mode === 'memory') return (await serveProxy(createProxy(base), { port: 0, signals: [] })).url;
  if (mode === 'redis') {
    const server = await serveProxy(createProxy({ ...base, redis: redisUrl }), { port: 0, signals: [] });
    // Redis is opened by the first request that needs it: ready once /health says it answers,
    // so that the opening (seconds on a loaded machine) is not part of what is measured.
    for (;;) {
      // oxlint-disable-next-line no-await-in-loop -- polling until Redis is open
      const health = (await (await fetch(`${server.url}/health`)).json()) as { redis?: { status?: string } };
      if (health.redis?.status === 'up') return server.url;
      // oxlint-disable-next-line no-await-in-loop -- see above
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

process.send?.({ type: 'ready', url: await start() });
