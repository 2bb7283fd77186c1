import { Chat2DeskConfigError } from '@c2d-console/core';
import type { ProxyOptions } from './options.js';
import { isSandboxFault, SANDBOX_FAULTS, type SandboxFault } from './sandbox/sandboxFaults.js';

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
 * `HOST`, `C2D_PROXY_JWT_SECRET`, `C2D_PROXY_ALLOWED_ORIGINS`, `C2D_PROXY_INSECURE_NO_AUTH`,
 * `C2D_SANDBOX_FAULTS`. Sandbox mode (no token) has no auth, so it always binds to 127.0.0.1.
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
  const faults = sandboxFaultsFromEnv(env.C2D_SANDBOX_FAULTS);
  if (faults.length > 0 && mode === 'live') {
    warnings.push('C2D_SANDBOX_FAULTS is ignored in live mode: faults are for the sandbox');
  } else if (faults.length > 0) {
    proxy.sandbox = { faults };
  }
  return { proxy, listen: { port, host }, mode, warnings };
}

/**
 * `C2D_SANDBOX_FAULTS=quota,slow` as a list of faults (none when unset or blank). Throws a
 * `Chat2DeskConfigError` naming an unknown one and the ones that exist.
 */
export function sandboxFaultsFromEnv(value: string | undefined): SandboxFault[] {
  const names = (value ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!isSandboxFault(name)) {
      throw new Chat2DeskConfigError('C2D_SANDBOX_FAULTS', `C2D_SANDBOX_FAULTS: "${name}" is not a fault; use any of ${SANDBOX_FAULTS.join(', ')}, comma-separated`);
    }
  }
  return names as SandboxFault[];
}
