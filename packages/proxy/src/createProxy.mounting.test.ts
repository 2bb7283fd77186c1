import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';
import { setupFakeUpstream, TEST_TOKEN } from './test/setupLiveProxy.js';

const upstream = setupFakeUpstream();

const options = () => ({ token: TEST_TOKEN, insecureNoAuth: true, logger: false as const, rateLimit: false as const, upstreamUrl: upstream.url });

describe('mounting the proxy in a host server', () => {
  it('runs inside Express under a path through getRequestListener, next to the host routes', async () => {
    const proxy = createProxy(options());
    const app = express();
    app.use('/api/c2d', getRequestListener(proxy.fetch));
    app.get('/crm', (_req, res) => void res.send('crm page'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const clients = await fetch(`${base}/api/c2d/clients?limit=1`);
      expect(clients.status).toBe(200);
      expect(((await clients.json()) as { data: Array<{ id: number }> }).data[0]?.id).toBe(1201);
      const sent = await fetch(`${base}/api/c2d/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 11, text: 'from Express' }),
      });
      expect(sent.status).toBe(201);
      expect(await (await fetch(`${base}/crm`)).text()).toBe('crm page');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers whole URLs under basePath, as a Next.js route handler passes them', async () => {
    const proxy = createProxy({ ...options(), basePath: '/api/c2d' });
    const health = await proxy.fetch(new Request('https://crm.example.com/api/c2d/health'));
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'live' });
    const dialog = await proxy.fetch(new Request('https://crm.example.com/api/c2d/dialogs/5501'));
    expect(((await dialog.json()) as { data: { messagesCount: number } }).data.messagesCount).toBe(12);
    const send = (origin: string) =>
      proxy.fetch(
        new Request('https://crm.example.com/api/c2d/messages', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: 11, text: 'from the same site' }),
        }),
      );
    expect((await send('https://crm.example.com')).status).toBe(201);
    expect((await send('https://elsewhere.example.com')).status).toBe(403);
    const outside = await proxy.fetch(new Request('https://crm.example.com/health'));
    expect(outside.status).toBe(404);
    expect(() => createProxy({ ...options(), basePath: 'api/' })).toThrow(/basePath must look like \/api\/c2d/);
  });
});
