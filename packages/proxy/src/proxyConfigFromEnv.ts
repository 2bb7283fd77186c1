import { Chat2DeskConfigError } from '@c2d-console/core';
import type { WebhookSignatureOptions } from './liveOptions.js';
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

/** Where the CLI keeps events, transfers and the client index in live mode, unless `C2D_PROXY_DATA_DIR` says. */
export const DEFAULT_DATA_DIR = './.c2d-proxy-data';

/**
 * Reads the design's environment variables: `CHAT2DESK_API_TOKEN`, `CHAT2DESK_API_URL`, `PORT`,
 * `HOST`, `C2D_PROXY_JWT_SECRET`, `C2D_PROXY_ALLOWED_ORIGINS`, `C2D_PROXY_INSECURE_NO_AUTH`,
 * `C2D_WEBHOOK_SECRET` (and `C2D_WEBHOOK_SIGNATURE_*`), `C2D_PROXY_DATA_DIR`,
 * `C2D_PROXY_EVENT_RETENTION_DAYS`, `C2D_PROXY_MAX_EVENT_CONNECTIONS`, `C2D_PROXY_RATE_LIMIT`,
 * `C2D_PROXY_REDIS_URL`, `C2D_PROXY_INSTANCES`, `C2D_SANDBOX_FAULTS`, `C2D_SANDBOX_ACTIVITY`.
 * Sandbox mode (no token) has no auth, so it always binds to 127.0.0.1. Unlike `createProxy()`,
 * which keeps everything in memory unless told, live mode here keeps events, transfers and the
 * client index in a SQLite file under `./.c2d-proxy-data`, or in Redis when one is given.
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
  const secret = env.C2D_WEBHOOK_SECRET?.trim();
  const signature = signatureFromEnv(env);
  if (secret || signature) proxy.webhooks = { ...(secret ? { secret } : {}), ...(signature ? { signature } : {}) };
  readRedis(env, mode, proxy, warnings);
  readStore(env, mode, proxy, warnings);
  const rate = env.C2D_PROXY_RATE_LIMIT?.trim();
  if (rate) {
    const requestsPerSecond = Number(rate);
    if (!/^\d+(\.\d+)?$/.test(rate) || !(requestsPerSecond > 0)) {
      throw new Chat2DeskConfigError('C2D_PROXY_RATE_LIMIT', `C2D_PROXY_RATE_LIMIT must be Chat2Desk calls per second for this token, a positive number such as 5 (got "${rate}")`);
    }
    proxy.rateLimit = { requestsPerSecond };
  }
  const maxConnections = positiveIntegerFromEnv(env, 'C2D_PROXY_MAX_EVENT_CONNECTIONS');
  if (maxConnections !== undefined) proxy.events = { maxConnections };

  const faults = sandboxFaultsFromEnv(env.C2D_SANDBOX_FAULTS);
  const activity = env.C2D_SANDBOX_ACTIVITY?.trim() === '1';
  if (mode === 'live') {
    if (faults.length > 0) warnings.push('C2D_SANDBOX_FAULTS is ignored in live mode: faults are for the sandbox');
    if (activity) warnings.push('C2D_SANDBOX_ACTIVITY is ignored in live mode: the activity is the sandbox\'s');
  } else if (faults.length > 0 || activity) {
    proxy.sandbox = { ...(faults.length > 0 ? { faults } : {}), ...(activity ? { activity: true } : {}) };
  }
  return { proxy, listen: { port, host }, mode, warnings };
}

/** A positive integer variable, or undefined when unset; throws a `Chat2DeskConfigError` naming it otherwise. */
function positiveIntegerFromEnv(env: Record<string, string | undefined>, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new Chat2DeskConfigError(name, `${name} must be a positive whole number (got "${text}")`);
  return Number(text);
}

/** `redis` from `C2D_PROXY_REDIS_URL` and `C2D_PROXY_INSTANCES` (live mode only). */
function readRedis(env: Record<string, string | undefined>, mode: ProxyConfig['mode'], proxy: ProxyOptions, warnings: string[]): void {
  const url = env.C2D_PROXY_REDIS_URL?.trim();
  const instances = positiveIntegerFromEnv(env, 'C2D_PROXY_INSTANCES');
  if (mode === 'sandbox') {
    if (url) warnings.push('C2D_PROXY_REDIS_URL is ignored in sandbox mode: the sandbox is a fake Chat2Desk inside each process, so instances could not share it');
    return;
  }
  if (!url) {
    if (instances !== undefined) warnings.push('C2D_PROXY_INSTANCES is ignored without C2D_PROXY_REDIS_URL: it is the count of instances sharing one Redis');
    return;
  }
  if (env.C2D_PROXY_DATA_DIR?.trim()) {
    throw new Chat2DeskConfigError(
      'C2D_PROXY_DATA_DIR',
      'C2D_PROXY_DATA_DIR and C2D_PROXY_REDIS_URL are both set: with Redis, events, transfers and the client index live in Redis for every instance; unset C2D_PROXY_DATA_DIR',
    );
  }
  proxy.redis = instances === undefined ? url : { url, instances };
}

/** `store` from `C2D_PROXY_DATA_DIR` (live default `./.c2d-proxy-data`, none with Redis) and `C2D_PROXY_EVENT_RETENTION_DAYS`. */
function readStore(env: Record<string, string | undefined>, mode: ProxyConfig['mode'], proxy: ProxyOptions, warnings: string[]): void {
  const dataDir = env.C2D_PROXY_DATA_DIR?.trim();
  const days = positiveIntegerFromEnv(env, 'C2D_PROXY_EVENT_RETENTION_DAYS');
  const eventRetentionMs = days === undefined ? undefined : days * 24 * 60 * 60_000;
  if (mode === 'sandbox' || proxy.redis !== undefined) {
    if (mode === 'sandbox' && dataDir) warnings.push('C2D_PROXY_DATA_DIR is ignored in sandbox mode: the sandbox makes its account afresh on every start, so it keeps its events in memory');
    if (eventRetentionMs !== undefined) proxy.store = { eventRetentionMs };
    return;
  }
  proxy.store = { dataDir: dataDir || DEFAULT_DATA_DIR, ...(eventRetentionMs === undefined ? {} : { eventRetentionMs }) };
}

/** `webhooks.signature` from `C2D_WEBHOOK_SIGNATURE_HEADER`, `_KEY`, `_ALGORITHM` (default SHA-256), `_ENCODING` (default hex). */
function signatureFromEnv(env: Record<string, string | undefined>): WebhookSignatureOptions | undefined {
  const header = env.C2D_WEBHOOK_SIGNATURE_HEADER?.trim();
  const key = env.C2D_WEBHOOK_SIGNATURE_KEY;
  if (!header && !key) return undefined;
  if (!header || !key) {
    throw new Chat2DeskConfigError(
      'C2D_WEBHOOK_SIGNATURE_HEADER',
      'Set both C2D_WEBHOOK_SIGNATURE_HEADER (the header Chat2Desk signs deliveries in) and C2D_WEBHOOK_SIGNATURE_KEY (the signing key), or neither',
    );
  }
  const algorithm = env.C2D_WEBHOOK_SIGNATURE_ALGORITHM?.trim().toUpperCase() || 'SHA-256';
  const encoding = env.C2D_WEBHOOK_SIGNATURE_ENCODING?.trim().toLowerCase() || 'hex';
  return { header, key, algorithm: algorithm as WebhookSignatureOptions['algorithm'], encoding: encoding as WebhookSignatureOptions['encoding'] };
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
