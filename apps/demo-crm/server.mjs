#!/usr/bin/env node
// The demo's server: the built CRM page, the c2d-console proxy under /api, and (in sandbox mode)
// the sandbox's fake Chat2Desk web UI under /chat and its in-memory file store under
// /sandbox/files, all on one port. This is what a host app's
// server does too: it mounts `createProxy()` next to its own routes (Chat2Desk's webhooks then
// reach it at /api/webhooks/chat2desk/<C2D_WEBHOOK_SECRET>).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createProxy } from '@c2d-console/proxy';
import { proxyConfigFromEnv } from '@c2d-console/proxy/node';
import { Hono } from 'hono';
import { sign } from 'hono/jwt';

const DIST = fileURLToPath(new URL('./dist/', import.meta.url));

/**
 * Starts the demo on `host:port` (port 0 picks a free one).
 * @param {{ port?: number, host?: string, env?: Record<string, string | undefined>, distDir?: string, quiet?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, mode: 'sandbox' | 'live', close: () => Promise<void> }>}
 */
export async function startDemoServer(options = {}) {
  const env = options.env ?? process.env;
  const distDir = options.distDir ?? DIST;
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(`The demo page is not built: run "pnpm --filter @c2d-console/demo-crm build" first (looked in ${distDir})`);
  }
  // The same environment variables as the proxy's own CLI (CHAT2DESK_API_TOKEN, ...).
  const config = proxyConfigFromEnv({ ...env, PORT: undefined, HOST: undefined });
  for (const warning of config.warnings) (options.log ?? console.warn)(`demo-crm: ${warning}`);
  const mode = config.mode;
  // Live mode: the demo plays the host CRM, which signs a short JWT for its signed-in user and
  // hands it to its page. Here "signed in" means "can open this page", so the demo only listens
  // on loopback; a real host checks its own session first.
  const jwtSecret = mode === 'live' ? (config.proxy.auth?.jwtSecret ?? randomBytes(32).toString('hex')) : undefined;
  const proxy = createProxy({
    ...config.proxy,
    ...(jwtSecret ? { auth: { jwtSecret } } : {}),
    ...(options.quiet ? { logger: false } : {}),
  });
  const frameHost = env.C2D_FRAME_HOST;

  const app = new Hono();
  app.get('/demo-config.json', async (c) =>
    c.json({
      apiUrl: '/api',
      mode,
      // Sandbox: the fake Chat2Desk web UI on this very origin. Live: the account's web host.
      frameHost: mode === 'sandbox' ? new URL(c.req.url).origin : (frameHost ?? 'https://web.chat2desk.com'),
      ...(jwtSecret
        ? { authToken: await sign({ sub: 'demo-operator', exp: Math.floor(Date.now() / 1000) + 12 * 3600 }, jwtSecret, 'HS256') }
        : {}),
      // Sandbox: attachments go to the sandbox's in-memory store. Live: a real CRM uploads to its own storage.
      ...(mode === 'sandbox' ? { uploadUrl: '/sandbox/files' } : {}),
    }),
  );
  app.mount('/api', proxy.fetch);
  // The sandbox's public pages at the proxy's own paths: the fake web UI, and the stored files
  // (whose URLs the proxy answers without the /api prefix it cannot see through the mount).
  if (mode === 'sandbox') {
    app.all('/chat/*', (c) => proxy.fetch(c.req.raw));
    app.all('/sandbox/files', (c) => proxy.fetch(c.req.raw));
    app.all('/sandbox/files/*', (c) => proxy.fetch(c.req.raw));
  }
  app.use('/*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html' }));

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? Number(env.PORT ?? 5173), hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    port,
    mode,
    close: async () => {
      // Ends the event streams (the pages reconnect) and stops the sandbox's activity first.
      proxy.drain();
      await new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
      await proxy.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    // `pnpm start` shows a live console: the sandbox's clients write, and its dialogs are
    // transferred and closed, every few seconds (C2D_SANDBOX_ACTIVITY=0 for a still account).
    const demo = await startDemoServer({ env: { ...process.env, C2D_SANDBOX_ACTIVITY: process.env.C2D_SANDBOX_ACTIVITY ?? '1' } });
    console.info(`c2d-console demo CRM (${demo.mode} mode) at ${demo.url}`);
    console.info(`proxy health: ${demo.url}api/health · stop with Ctrl+C`);
    const stop = async () => {
      await demo.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`demo-crm: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
