import { Chat2DeskConfigError } from '@c2d-console/core';
import type { HealthResponse } from '@c2d-console/core';
import { type LiveOptionsInput, resolveLiveOptions, type ResolvedLiveOptions } from './liveOptions.js';
import type { ProxyAuth } from './ProxyAuth.js';
import { silentLogger, type ProxyLogger } from './ProxyLogger.js';
import { isSandboxFault, SANDBOX_FAULTS, type SandboxFault } from './sandbox/sandboxFaults.js';
import type { Cache } from './store/Cache.js';
import { createMemoryCache, DEFAULT_CACHE_MAX_BYTES } from './store/createMemoryCache.js';
import { createTokenBucketLimiter, type TokenBucketOptions } from './upstream/createTokenBucketLimiter.js';
import type { RetryOptions, UpstreamFetch } from './upstream/createUpstreamClient.js';
import type { RateLimiter } from './upstream/RateLimiter.js';

/**
 * Options of `createProxy`. Only `token` and `auth` matter for most hosts; the live console's
 * (`webhooks`, `store`, `events`, `clientIndex`) are in `liveOptions.ts`.
 */
export interface ProxyOptions extends LiveOptionsInput {
  /** The Chat2Desk API token (`CHAT2DESK_API_TOKEN`). Absent or empty: sandbox mode. */
  token?: string;
  /** Chat2Desk API origin (`CHAT2DESK_API_URL`, default `https://api.chat2desk.com`). */
  upstreamUrl?: string;
  /** Who may use the proxy. Required in live mode unless `insecureNoAuth`. */
  auth?: ProxyAuth;
  /**
   * Live mode without `auth` (`C2D_PROXY_INSECURE_NO_AUTH=1`): only when something in front of
   * the proxy already authenticates every request.
   */
  insecureNoAuth?: boolean;
  /**
   * Browser origins allowed by CORS (`C2D_PROXY_ALLOWED_ORIGINS`), e.g. `https://crm.example.com`;
   * `'*'` allows any origin without credentials. Default: none in live mode (same origin only),
   * `http://localhost:*` and `http://127.0.0.1:*` in sandbox mode.
   */
  allowedOrigins?: string[];
  /** Time limit of one upstream call, body included (default 10 000 ms); then 504. */
  timeoutMs?: number;
  /** Retries of GETs on network errors, 5xx and 429 (defaults: 2 retries, 100 ms base, 2000 ms cap). */
  retry?: RetryOptions;
  /**
   * The in-memory token bucket's settings (default 5 requests/s, burst 1, 2000 ms queue), or
   * `false` for none. Sandbox mode defaults to 100 requests/s, burst 20.
   */
  rateLimit?: TokenBucketOptions | false;
  /** A limiter of your own (e.g. Redis-backed, shared by instances); replaces `rateLimit`. */
  rateLimiter?: RateLimiter;
  /** Cache of upstream GETs (default: in-memory LRU of 500 entries and `cacheMaxBytes`), or `false` for none. */
  cache?: Cache | false;
  /**
   * Byte bound of the default cache (default 32 MiB), counted as the size of the upstream
   * answers it holds; the least recently used go first. Ignored with a `cache` of your own.
   */
  cacheMaxBytes?: number;
  /** How long GET answers stay cached (default 5000 ms). */
  cacheTtlMs?: number;
  /** Where send results are remembered for `idempotencyKey` (default: in-memory, 10 000 keys). */
  idempotencyStore?: Cache;
  /** How long an `idempotencyKey` is remembered (default 10 minutes). */
  idempotencyTtlMs?: number;
  /** Largest request body accepted (default 64 KiB); bigger ones answer 413. */
  maxBodyBytes?: number;
  /**
   * Largest Chat2Desk answer read (default 4 MiB), counted after decompression; a bigger one
   * answers 502 `upstream_error` and the rest of it is never read.
   */
  maxUpstreamBodyBytes?: number;
  /** Where the JSON log lines go (default `console`); `false` for none. */
  logger?: ProxyLogger | false;
  /** The `fetch` used to call Chat2Desk in live mode (default: the global one). */
  fetch?: UpstreamFetch;
  /**
   * The sandbox (sandbox mode only): seed and number of clients of its data, and faults to
   * answer with (`C2D_SANDBOX_FAULTS`): `quota`, `rate-limit`, `bad-token` answer Chat2Desk's
   * own error bodies, `slow` delays every answer by 3 s, `login` makes the fake web UI show
   * Chat2Desk's sign-in page in the frame.
   */
  sandbox?: SandboxSettings;
  /**
   * Path the proxy is mounted under when the host passes it whole URLs, e.g. `/api/c2d` for a
   * Next.js route handler at `app/api/c2d/[...path]/route.ts` (default: none). Not needed
   * behind Express's `app.use('/api/c2d', ...)`, which strips the prefix itself.
   */
  basePath?: string;
  /** Called for every upstream attempt, with method and path (metrics). */
  onUpstreamCall?: (method: string, path: string) => void;
}

/** The `sandbox` option. */
export interface SandboxSettings {
  seed?: number;
  clients?: number;
  faults?: SandboxFault[];
  /**
   * Simulated activity (`C2D_SANDBOX_ACTIVITY=1`): every few seconds a client writes, or a
   * dialog is transferred or closed, reaching the proxy as webhooks (default: off).
   */
  activity?: boolean | { intervalMs?: number };
}

/** {@link ProxyOptions} checked, with every default filled in: what the proxy's parts are built from. */
export interface ResolvedProxyOptions {
  /** `live` when a token is set, else `sandbox`. */
  mode: HealthResponse['mode'];
  /** The trimmed token; undefined in sandbox mode. */
  token: string | undefined;
  /** Undefined only in sandbox mode or with `insecureNoAuth`. */
  auth: ProxyAuth | undefined;
  upstreamUrl: string;
  /** Origins allowed by CORS and to make state-changing requests (`'*'`: any). */
  allowedOrigins: string[];
  /** Also allow any `http://localhost`/`127.0.0.1` origin (sandbox mode with no `allowedOrigins`). */
  allowLoopbackOrigins: boolean;
  /** `''` for none. */
  basePath: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxUpstreamBodyBytes: number;
  cacheTtlMs: number;
  retry: Required<RetryOptions>;
  /** Null: no client-side rate limit. */
  rateLimiter: RateLimiter | null;
  /** Null: no caching of upstream GETs. */
  cache: Cache | null;
  idempotencyStore: Cache;
  idempotencyTtlMs: number | undefined;
  logger: ProxyLogger;
  fetch: UpstreamFetch;
  sandbox: SandboxSettings | undefined;
  onUpstreamCall: ((method: string, path: string) => void) | undefined;
  /** Webhooks, stores, event streams and the client index. */
  live: ResolvedLiveOptions;
}

/** Default Chat2Desk API origin. */
export const DEFAULT_UPSTREAM_URL = 'https://api.chat2desk.com';

const KIB = 1024;

/** Largest Chat2Desk answer the proxy reads by default (4 MiB): a page of 200 clients is far smaller. */
export const DEFAULT_MAX_UPSTREAM_BODY_BYTES = 4 * KIB * KIB;

function envFlag(name: string): boolean {
  // No Node import: `process` may not exist (Workers, browsers), so look it up defensively.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] === '1';
}

function checkOrigin(origin: string): void {
  if (origin === '*') return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
    throw new Chat2DeskConfigError(
      'allowedOrigins',
      `allowedOrigins: "${origin}" is not an origin; write it as scheme://host[:port] with no path or trailing slash, e.g. https://crm.example.com`,
    );
  }
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new Chat2DeskConfigError(name, `${name} must be a positive number of milliseconds or bytes (got ${String(value)})`);
  }
  return value;
}

function checkFaults(faults: readonly string[] | undefined): void {
  for (const fault of faults ?? []) {
    if (!isSandboxFault(fault)) {
      throw new Chat2DeskConfigError('sandbox', `sandbox.faults: "${fault}" is not a fault; use any of ${SANDBOX_FAULTS.join(', ')} (C2D_SANDBOX_FAULTS=quota,slow)`);
    }
  }
}

function checkActivity(activity: SandboxSettings['activity']): void {
  if (typeof activity !== 'object' || activity.intervalMs === undefined) return;
  if (!Number.isFinite(activity.intervalMs) || activity.intervalMs < 100) {
    throw new Chat2DeskConfigError('sandbox', `sandbox.activity.intervalMs must be at least 100 ms (got ${String(activity.intervalMs)})`);
  }
}

function checkAuth(options: ProxyOptions, mode: ResolvedProxyOptions['mode']): ProxyAuth | undefined {
  const auth = options.auth;
  if (auth && auth.jwtSecret === undefined && auth.authorize === undefined) {
    throw new Chat2DeskConfigError('auth', 'auth needs jwtSecret (an HS256 secret) or authorize(request), or both');
  }
  if (auth?.jwtSecret !== undefined && auth.jwtSecret.length === 0) {
    throw new Chat2DeskConfigError('auth', 'auth.jwtSecret is empty; set C2D_PROXY_JWT_SECRET to a long random string');
  }
  if (mode === 'live' && !auth && !(options.insecureNoAuth || envFlag('C2D_PROXY_INSECURE_NO_AUTH'))) {
    throw new Chat2DeskConfigError(
      'auth',
      'The proxy holds a Chat2Desk token, so it must know who may use it. Configure auth: set ' +
        'C2D_PROXY_JWT_SECRET (createProxy({ auth: { jwtSecret } })) to require an HS256 bearer JWT, ' +
        'or pass auth: { authorize(request) } to check your own session; or, only if something in ' +
        'front of the proxy already authenticates every request, set C2D_PROXY_INSECURE_NO_AUTH=1 ' +
        '(insecureNoAuth: true).',
    );
  }
  return auth;
}

/**
 * Checks `options` and fills in the defaults. Throws a `Chat2DeskConfigError` naming the option
 * and saying how to fix it for a configuration the proxy refuses to run with.
 */
export function resolveOptions(options: ProxyOptions): ResolvedProxyOptions {
  const token = options.token?.trim() || undefined;
  const mode = token ? 'live' : 'sandbox';
  const auth = checkAuth(options, mode);
  const upstreamUrl = options.upstreamUrl ?? DEFAULT_UPSTREAM_URL;
  if (mode === 'live' && !/^https?:\/\/[^/?#\s]+/.test(upstreamUrl)) {
    throw new Chat2DeskConfigError('upstreamUrl', `upstreamUrl must be an http(s) URL such as ${DEFAULT_UPSTREAM_URL} (got "${upstreamUrl}")`);
  }
  checkFaults(options.sandbox?.faults);
  checkActivity(options.sandbox?.activity);
  const allowedOrigins = options.allowedOrigins ?? [];
  allowedOrigins.forEach(checkOrigin);
  const basePath = options.basePath ?? '';
  if (basePath !== '' && !/^(\/[\w.~-]+)+$/.test(basePath)) {
    throw new Chat2DeskConfigError('basePath', `basePath must look like /api/c2d (a leading slash, no trailing slash), got "${basePath}"`);
  }
  return {
    mode,
    token,
    auth,
    upstreamUrl,
    allowedOrigins,
    allowLoopbackOrigins: mode === 'sandbox' && options.allowedOrigins === undefined,
    basePath,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 10_000),
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 64 * KIB),
    maxUpstreamBodyBytes: positive('maxUpstreamBodyBytes', options.maxUpstreamBodyBytes, DEFAULT_MAX_UPSTREAM_BODY_BYTES),
    cacheTtlMs: positive('cacheTtlMs', options.cacheTtlMs, 5000),
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry },
    rateLimiter:
      options.rateLimiter ??
      (options.rateLimit === false
        ? null
        : createTokenBucketLimiter(options.rateLimit ?? (mode === 'sandbox' ? { requestsPerSecond: 100, burst: 20 } : {}))),
    cache:
      options.cache === false
        ? null
        : (options.cache ?? createMemoryCache({ maxEntries: 500, maxBytes: Math.ceil(positive('cacheMaxBytes', options.cacheMaxBytes, DEFAULT_CACHE_MAX_BYTES)) })),
    idempotencyStore: options.idempotencyStore ?? createMemoryCache({ maxEntries: 10_000 }),
    idempotencyTtlMs: options.idempotencyTtlMs,
    logger: options.logger === false ? silentLogger : (options.logger ?? console),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sandbox: mode === 'sandbox' ? (options.sandbox ?? {}) : undefined,
    onUpstreamCall: options.onUpstreamCall,
    live: resolveLiveOptions(options, mode),
  };
}
