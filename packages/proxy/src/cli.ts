import { Chat2DeskConfigError } from '@c2d-console/core';
import { createProxy } from './createProxy.js';
import { proxyConfigFromEnv } from './proxyConfigFromEnv.js';
import { serveProxy } from './serveProxy.js';

// `c2d-proxy`: the proxy as a standalone service, configured by environment variables.
const line = (fields: Record<string, unknown>) => JSON.stringify({ time: new Date().toISOString(), ...fields });

try {
  const config = proxyConfigFromEnv(process.env);
  for (const warning of config.warnings) console.warn(line({ level: 'warn', msg: warning }));
  const app = createProxy(config.proxy);
  const server = await serveProxy(app, config.listen);
  const upstream = config.mode === 'live' ? (config.proxy.upstreamUrl ?? 'https://api.chat2desk.com') : 'in-process sandbox';
  console.info(
    line({
      level: 'info',
      msg: `c2d-proxy listening on ${server.url} (${config.mode} mode, upstream: ${upstream})`,
      mode: config.mode,
      url: server.url,
    }),
  );
  void server.closed.then(() => {
    console.info(line({ level: 'info', msg: 'c2d-proxy stopped' }));
    process.exit(0);
  });
} catch (error) {
  const message = error instanceof Chat2DeskConfigError || (error as { code?: string })?.code === 'EADDRINUSE'
    ? (error as Error).message
    : String((error as Error)?.stack ?? error);
  console.error(line({ level: 'error', msg: `c2d-proxy could not start: ${message}` }));
  process.exit(1);
}
