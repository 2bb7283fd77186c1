import { Chat2DeskConfigError } from '@c2d-console/core';
import type { ProxyOptions } from './options.js';

/** What the CLI runs: the proxy's options and where to listen. */
export interface ProxyConfig {
  proxy: ProxyOptions;
  listen: { port: number; host: string };
  mode: 'sandbox' | 'live';
  /** Things the operator should know (e.g. HOST ignored in sandbox mode). */
  warnings: string[];
}

/**
 * Reads the design's environment variables: `CHAT2DESK_API_TOKEN`, `CHAT2DESK_API_URL`, `PORT`,
 * `HOST`, `C2D_PROXY_JWT_SECRET`, `C2D_PROXY_ALLOWED_ORIGINS`, `C2D_PROXY_INSECURE_NO_AUTH`.
 * Sandbox mode (no token) has no auth, so it always binds to 127.0.0.1.
 */
export function proxyConfigFromEnv(env: Record<string, string | undefined>): ProxyConfig {
  const token = env.CHAT2DESK_API_TOKEN?.trim() || undefined;
  const mode = token ? 'live' : 'sandbox';
  const warnings: string[] = [];

  const portText = env.PORT?.trim() || '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new Chat2DeskConfigError('PORT', `PORT must be a port number from 0 to 65535 (got "${portText}")`);
  }
  let host = env.HOST?.trim() || '127.0.0.1';
  if (mode === 'sandbox' && host !== '127.0.0.1') {
    warnings.push(`HOST=${host} is ignored in sandbox mode: with no auth the sandbox only listens on 127.0.0.1`);
    host = '127.0.0.1';
  }

  const proxy: ProxyOptions = {};
  if (token) proxy.token = token;
  if (env.CHAT2DESK_API_URL?.trim()) proxy.upstreamUrl = env.CHAT2DESK_API_URL.trim();
  if (env.C2D_PROXY_JWT_SECRET) proxy.auth = { jwtSecret: env.C2D_PROXY_JWT_SECRET };
  if (env.C2D_PROXY_ALLOWED_ORIGINS?.trim()) {
    proxy.allowedOrigins = env.C2D_PROXY_ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
  if (env.C2D_PROXY_INSECURE_NO_AUTH === '1') proxy.insecureNoAuth = true;
  return { proxy, listen: { port, host }, mode, warnings };
}
