import { serve, type ServerType } from '@hono/node-server';
import { createSandboxApp } from '../../../packages/proxy/src/sandbox/index.ts';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../server.mjs';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;
const TOKEN = 'live-token-that-must-stay-on-the-server';

// Live mode against a Chat2Desk stand-in on loopback: the page gets a JWT, never the API token.
describe('demo server in live mode', () => {
  let upstream: ServerType;
  let demo: Demo;

  beforeAll(async () => {
    const { app } = createSandboxApp();
    upstream = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const env = {
      // Live mode keeps events, transfers and the client index in a folder: a temporary one here.
      C2D_PROXY_DATA_DIR: await mkdtemp(join(tmpdir(), 'c2d-demo-live-')),
      CHAT2DESK_API_TOKEN: TOKEN,
      CHAT2DESK_API_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      C2D_FRAME_HOST: 'https://web.chat2desk.kz',
    };
    demo = await startDemoServer({ port: 0, env, quiet: true });
  });

  afterAll(async () => {
    await demo?.close();
    upstream?.close();
  });

  it('tells the page to frame the real host and gives it a JWT, not the token', async () => {
    const response = await fetch(`${demo.url}demo-config.json`);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    const config = JSON.parse(text);
    expect(config).toMatchObject({ apiUrl: '/api', mode: 'live', frameHost: 'https://web.chat2desk.kz' });
    expect(config.authToken.split('.')).toHaveLength(3);
    // No sandbox store for files: a live CRM uploads attachments to its own storage.
    expect(config).not.toHaveProperty('uploadUrl');
  });

  it('refuses the proxy without the JWT and serves it with one', async () => {
    expect((await fetch(`${demo.url}api/clients?limit=1`)).status).toBe(401);
    const { authToken } = await (await fetch(`${demo.url}demo-config.json`)).json();
    const response = await fetch(`${demo.url}api/clients?limit=1`, { headers: { authorization: `Bearer ${authToken}` } });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body).data[0]).toHaveProperty('assignedName');
    expect(body).not.toContain(TOKEN);
    expect((await fetch(`${demo.url}api/health`, { headers: { authorization: `Bearer ${authToken}` } }).then((r) => r.json())).mode).toBe('live');
  });

  it('does not serve the sandbox web UI or its file store in live mode', async () => {
    const page = await (await fetch(`${demo.url}chat/all?dialogID=63&minifiedView=2`)).text();
    // The CRM page's own fallback answers: no fake Chat2Desk dialog is rendered.
    expect(page).toContain('<div id="root">');
    expect(page).not.toContain('Dialog 63');
    const upload = new FormData();
    upload.append('file', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    expect((await fetch(`${demo.url}sandbox/files`, { method: 'POST', body: upload })).status).toBe(404);
  });
});
