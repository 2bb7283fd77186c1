/**
 * Child process of the benchmark: runs one server and talks to the parent over IPC.
 *   upstream     a fake Chat2Desk (20 clients per page, 20 ms latency), counts its calls
 *   proxy        @c2d-console/proxy (built dist) in front of it, JWT auth on, logs to /dev/null
 *   passthrough  Express + http-proxy-middleware in front of it, no cache
 * Messages in: { type: 'stats' } → { calls, rss }. Message out on start: { type: 'ready', url }.
 */
import { createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createProxy } from '@c2d-console/proxy';
import { serveProxy } from '@c2d-console/proxy/node';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { createFakeUpstream, upstreamClients } from '../src/test/createFakeUpstream.js';

const [mode, upstreamUrl, token, jwtSecret] = process.argv.slice(2);
const send = (message: object) => process.send?.(message);
let calls = () => 0;

async function start(): Promise<string> {
  if (mode === 'upstream') {
    const upstream = await createFakeUpstream();
    upstream.latencyMs = 20;
    const clients = Array.from({ length: 20 }, (_, i) => ({ ...upstreamClients[i % 2]!, id: 1000 + i }));
    upstream.on('GET', '/v1/clients', { body: { data: clients, meta: { total: 500, limit: 20, offset: 0 }, status: 'success' } });
    calls = () => upstream.calls.length;
    return upstream.url;
  }
  if (mode === 'proxy') {
    const devNull = createWriteStream('/dev/null');
    const write = (line: string) => devNull.write(`${line}\n`);
    const app = createProxy({ token, upstreamUrl, auth: { jwtSecret }, logger: { info: write, error: write } });
    return (await serveProxy(app, { port: 0, signals: [] })).url;
  }
  if (mode === 'passthrough') {
    const app = express();
    app.use(
      createProxyMiddleware({
        target: upstreamUrl,
        changeOrigin: true,
        pathRewrite: { '^/': '/v1/' },
        headers: { authorization: token ?? '' },
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  throw new Error(`unknown mode ${mode}`);
}

process.on('message', (message: { type?: string }) => {
  if (message.type === 'stats') send({ type: 'stats', calls: calls(), rss: process.memoryUsage().rss });
});
send({ type: 'ready', url: await start() });
