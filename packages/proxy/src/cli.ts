import { Chat2DeskConfigError } from '@c2d-console/core';
import { createProxy } from './createProxy.js';
import { DEFAULT_UPSTREAM_URL } from './options.js';
import { formatCheck, runCheck } from './runCheck.js';
import { runWebhooksCommand } from './runWebhooksCommand.js';
import { createSandboxUpstream } from './upstream/createSandboxUpstream.js';
import { proxyConfigFromEnv } from './proxyConfigFromEnv.js';
import { serveProxy } from './serveProxy.js';

// `c2d-proxy`: the proxy as a standalone service, configured by environment variables.
// `c2d-proxy --fake-chat2desk` serves the sandbox's fake Chat2Desk API itself (`/v1/...`, any
// bare token, C2D_SANDBOX_FAULTS honoured), on loopback, as an upstream to try live mode against.
// `c2d-proxy check` runs, read-only, the Chat2Desk calls the console needs with the configured
// token and prints what works, what does not and what to do; exit code 0 only when all work.
// `c2d-proxy webhooks register --url <public URL> | list | delete [--id N]` manages the
// account's webhook to the proxy's `POST /webhooks/chat2desk/<C2D_WEBHOOK_SECRET>`.
const line = (fields: Record<string, unknown>) => JSON.stringify({ time: new Date().toISOString(), ...fields });

if (process.argv[2] === 'check') {
  const token = process.env.CHAT2DESK_API_TOKEN?.trim();
  if (!token) {
    console.error('c2d-proxy check: set CHAT2DESK_API_TOKEN to the token to check (and CHAT2DESK_API_URL for another installation)');
    process.exit(2);
  }
  const baseUrl = process.env.CHAT2DESK_API_URL?.trim() || DEFAULT_UPSTREAM_URL;
  const result = await runCheck({ baseUrl, token, fetch: (url, init) => fetch(url, init) });
  process.stdout.write(formatCheck(result, baseUrl));
  process.exit(result.ok ? 0 : 1);
}

if (process.argv[2] === 'webhooks') {
  const token = process.env.CHAT2DESK_API_TOKEN?.trim();
  if (!token) {
    console.error('c2d-proxy webhooks: set CHAT2DESK_API_TOKEN to the account\'s API token (and CHAT2DESK_API_URL for another installation)');
    process.exit(2);
  }
  const baseUrl = process.env.CHAT2DESK_API_URL?.trim() || DEFAULT_UPSTREAM_URL;
  const secret = process.env.C2D_WEBHOOK_SECRET?.trim() || undefined;
  const result = await runWebhooksCommand(process.argv.slice(3), { baseUrl, token, secret, fetch: (url, init) => fetch(url, init) });
  (result.ok ? process.stdout : process.stderr).write(result.output);
  process.exit(result.ok ? 0 : 1);
}

try {
  const config = proxyConfigFromEnv(process.env);
  let server;
  if (process.argv.includes('--fake-chat2desk')) {
    const fake = createSandboxUpstream(config.proxy.sandbox);
    server = await serveProxy({ fetch: fake.handle }, { port: config.listen.port, host: '127.0.0.1' });
    console.info(line({ level: 'info', msg: `fake Chat2Desk API listening on ${server.url} (/v1/..., any bare token)`, mode: 'fake-chat2desk', url: server.url }));
  } else {
    for (const warning of config.warnings) console.warn(line({ level: 'warn', msg: warning }));
    const app = createProxy(config.proxy);
    server = await serveProxy(app, config.listen);
    const upstream = config.mode === 'live' ? (config.proxy.upstreamUrl ?? 'https://api.chat2desk.com') : 'in-process sandbox';
    console.info(
      line({
        level: 'info',
        msg: `c2d-proxy listening on ${server.url} (${config.mode} mode, upstream: ${upstream})`,
        mode: config.mode,
        url: server.url,
      }),
    );
  }
  void server.closed.then(() => {
    console.info(line({ level: 'info', msg: 'c2d-proxy stopped' }));
    process.exit(0);
  });
} catch (error) {
  const message =
    error instanceof Chat2DeskConfigError || (error as { code?: string })?.code === 'EADDRINUSE'
      ? (error as Error).message
      : String((error as Error)?.stack ?? error);
  console.error(line({ level: 'error', msg: `c2d-proxy could not start: ${message}` }));
  process.exit(1);
}
