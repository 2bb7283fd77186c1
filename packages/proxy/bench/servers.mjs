// Child process of the benchmark: one server under test, run by plain Node (as `c2d-proxy` runs
// in production, so its RSS is the proxy's own).
//   proxy        @c2d-console/proxy (the built dist) with JWT auth, JSON logs to /dev/null
//   passthrough  Express + http-proxy-middleware, no cache
//   events       @c2d-console/proxy without auth, for `events.bench.ts`: args are the upstream URL,
//                token, '' (no JWT), the webhook secret, cacheTtlMs, events.maxConnections and the
//                data folder of its SQLite store (the CLI's default store)
//   memory       @c2d-console/proxy without auth or rate limit, for `memory.bench.ts`: args are
//                the upstream URL, token, '' (no JWT), maxUpstreamBodyBytes, cacheMaxBytes, cacheTtlMs
// IPC: sends { type: 'ready', url } once listening; answers { type: 'stats', gc? } with
// { calls, rss, heapUsed, cpuMs }, after a full garbage collection when `gc` is set (needs --expose-gc).
import { createWriteStream } from 'node:fs';
import { createProxy } from '@c2d-console/proxy';
import { serveProxy } from '@c2d-console/proxy/node';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

const [mode, upstreamUrl, token, jwtSecret] = process.argv.slice(2);

async function start() {
  if (mode === 'proxy') {
    const devNull = createWriteStream('/dev/null');
    const write = (line) => devNull.write(`${line}\n`);
    const app = createProxy({ token, upstreamUrl, auth: { jwtSecret }, logger: { info: write, error: write } });
    return (await serveProxy(app, { port: 0, signals: [] })).url;
  }
  if (mode === 'memory') {
    const [maxUpstreamBodyBytes, cacheMaxBytes, cacheTtlMs] = process.argv.slice(6).map(Number);
    // A minute per answer: on a busy machine 5 MB answers are slow, and this measures memory, not speed.
    const options = { maxUpstreamBodyBytes, cacheMaxBytes, cacheTtlMs, timeoutMs: 60_000 };
    const app = createProxy({ token, upstreamUrl, insecureNoAuth: true, rateLimit: false, logger: false, ...options });
    return (await serveProxy(app, { port: 0, signals: [] })).url;
  }
  if (mode === 'events') {
    const [secret, cacheTtlMs, maxConnections, dataDir] = process.argv.slice(6);
    const app = createProxy({
      token,
      upstreamUrl,
      insecureNoAuth: true,
      logger: false,
      webhooks: { secret },
      // '' keeps the store in memory (`--store memory` of the bench).
      ...(dataDir ? { store: { dataDir } } : {}),
      cacheTtlMs: Number(cacheTtlMs),
      events: { maxConnections: Number(maxConnections) },
      // Fifty consoles polling every 10 s need 5 calls a second: the default budget; the bench
      // counts the calls made, so none may be refused by the proxy's own limiter.
      rateLimit: { requestsPerSecond: 100, burst: 20 },
      clientIndex: false,
    });
    return (await serveProxy(app, { port: 0, signals: [] })).url;
  }
  if (mode === 'passthrough') {
    const app = express();
    app.use(createProxyMiddleware({ target: upstreamUrl, changeOrigin: true, pathRewrite: { '^/': '/v1/' }, headers: { authorization: token } }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${server.address().port}`;
  }
  throw new Error(`unknown mode ${mode}`);
}

process.on('message', (message) => {
  if (message.type !== 'stats') return;
  if (message.gc) globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  process.send?.({ type: 'stats', calls: 0, rss, heapUsed, cpuMs: (user + system) / 1000 });
});
process.send?.({ type: 'ready', url: await start() });
