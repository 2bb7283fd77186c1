import { Chat2DeskConfigError } from '@c2d-console/core';
import { createProxy } from './createProxy.js';
import { createSandboxUpstream } from './upstream/createSandboxUpstream.js';
import { proxyConfigFromEnv } from './proxyConfigFromEnv.js';
import { serveProxy } from './serveProxy.js';

// `c2d-proxy`: the proxy as a standalone service, configured by environment variables.
// `c2d-proxy --fake-chat2desk` serves the sandbox's fake Chat2Desk API itself (`/v1/...`, any
// bare token), on loopback, as an upstream to try live mode against.
const line = (fields: Record<string, unknown>) => JSON.stringify({ time: new Date().toISOString(), ...fields });

try {
  const config = proxyConfigFromEnv(process.env);
  let server;
  if (process.argv.includes('--fake-chat2desk')) {
    const fake = createSandboxUpstream();
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
