import { Chat2DeskConfigError, sendFingerprint } from '@c2d-console/core';
import type { HealthResponse, ListMeta, SendMessageInput } from '@c2d-console/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { z } from 'zod';
import type { Cache } from './store/Cache.js';
import { createAuthMiddleware } from './middleware/requireAuth.js';
import { createIdempotencyGuard } from './store/createIdempotencyGuard.js';
import { createMemoryCache } from './store/createMemoryCache.js';
import { createRedactor } from './createRedactor.js';
import { createSandboxUpstream } from './upstream/createSandboxUpstream.js';
import { createTokenBucketLimiter, type TokenBucketOptions } from './upstream/createTokenBucketLimiter.js';
import {
  mapClient,
  mapClientChannels,
  mapClientList,
  mapDialog,
  mapMessageList,
  mapOperatorList,
  mapSendResult,
  mapTransferList,
  sendMessageBody,
  withOperatorNames,
  type UpstreamList,
} from './upstream/mappers.js';
import {
  C2D_PATHS,
  clientChannelsPath,
  clientPath,
  clientsPath,
  dialogPath,
  messagesCachePrefix,
  messagesPath,
  operatorsPath,
  transfersPath,
  type Page,
} from './upstream/paths.js';
import type { ProxyAuth } from './ProxyAuth.js';
import { isProxyError, ProxyError, type ProxyErrorCode } from './ProxyError.js';
import type { ProxyLogger } from './ProxyLogger.js';
import { silentLogger } from './ProxyLogger.js';
import type { RateLimiter } from './upstream/RateLimiter.js';
import {
  clientsQuerySchema,
  idSchema,
  messagesQuerySchema,
  operatorsQuerySchema,
  parseRequest,
  sendMessageSchema,
  transfersQuerySchema,
} from './routes/requestSchemas.js';
import { createUpstreamClient, type CallStats, type RetryOptions, type UpstreamFetch } from './upstream/createUpstreamClient.js';

/** Options of {@link createProxy}. Only `token` and `auth` matter for most hosts. */
export interface ProxyOptions {
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
  /** Cache of upstream GETs (default: in-memory LRU of 500 entries), or `false` for none. */
  cache?: Cache | false;
  /** How long GET answers stay cached (default 5000 ms). */
  cacheTtlMs?: number;
  /** Where send results are remembered for `idempotencyKey` (default: in-memory, 10 000 keys). */
  idempotencyStore?: Cache;
  /** How long an `idempotencyKey` is remembered (default 10 minutes). */
  idempotencyTtlMs?: number;
  /** Largest request body accepted (default 64 KiB); bigger ones answer 413. */
  maxBodyBytes?: number;
  /** Where the JSON log lines go (default `console`); `false` for none. */
  logger?: ProxyLogger | false;
  /** The `fetch` used to call Chat2Desk in live mode (default: the global one). */
  fetch?: UpstreamFetch;
  /** Sandbox data: seed and number of clients (sandbox mode only). */
  sandbox?: { seed?: number; clients?: number };
  /**
   * Path the proxy is mounted under when the host passes it whole URLs, e.g. `/api/c2d` for a
   * Next.js route handler at `app/api/c2d/[...path]/route.ts` (default: none). Not needed
   * behind Express's `app.use('/api/c2d', ...)`, which strips the prefix itself.
   */
  basePath?: string;
  /** Called for every upstream attempt, with method and path (metrics). */
  onUpstreamCall?: (method: string, path: string) => void;
}

/** The proxy's Hono app; mount `app.fetch` anywhere that speaks `Request`/`Response`. */
export type ProxyApp = Hono<ProxyEnv>;

/** Hono environment of the proxy: per-request upstream call counting. */
export type ProxyEnv = { Variables: { stats: CallStats } };

/** Default Chat2Desk API origin. */
export const DEFAULT_UPSTREAM_URL = 'https://api.chat2desk.com';

const KIB = 1024;

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

const isLoopbackOrigin = (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

/**
 * Creates the c2d-console proxy: a Hono app that authorizes browser requests, validates them,
 * and answers from Chat2Desk (live mode, `token` set) or from an in-process fake Chat2Desk
 * (sandbox mode), mapped to `@c2d-console/core`'s domain types. Throws a
 * `Chat2DeskConfigError` for a configuration it refuses to run with.
 */
export function createProxy(options: ProxyOptions = {}): ProxyApp {
  const token = options.token?.trim() || undefined;
  const mode: HealthResponse['mode'] = token ? 'live' : 'sandbox';
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
  const upstreamUrl = options.upstreamUrl ?? DEFAULT_UPSTREAM_URL;
  if (mode === 'live' && !/^https?:\/\/[^/?#\s]+/.test(upstreamUrl)) {
    throw new Chat2DeskConfigError('upstreamUrl', `upstreamUrl must be an http(s) URL such as ${DEFAULT_UPSTREAM_URL} (got "${upstreamUrl}")`);
  }
  const allowedOrigins = options.allowedOrigins ?? [];
  allowedOrigins.forEach(checkOrigin);
  const basePath = options.basePath ?? '';
  if (basePath !== '' && !/^(\/[\w.~-]+)+$/.test(basePath)) {
    throw new Chat2DeskConfigError('basePath', `basePath must look like /api/c2d (a leading slash, no trailing slash), got "${basePath}"`);
  }
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 10_000);
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes, 64 * KIB);
  const cacheTtlMs = positive('cacheTtlMs', options.cacheTtlMs, 5000);

  const logger = options.logger === false ? silentLogger : (options.logger ?? console);
  const redact = createRedactor([token, auth?.jwtSecret]);
  const sandbox = mode === 'sandbox' ? createSandboxUpstream(options.sandbox) : undefined;
  const limiter =
    options.rateLimiter ??
    (options.rateLimit === false
      ? null
      : createTokenBucketLimiter(
          options.rateLimit ?? (mode === 'sandbox' ? { requestsPerSecond: 100, burst: 20 } : {}),
        ));

  const upstream = createUpstreamClient({
    baseUrl: sandbox ? sandbox.baseUrl : upstreamUrl,
    // The sandbox takes any non-empty token; the real one is never handed to it.
    token: token ?? 'sandbox',
    fetch: sandbox ? sandbox.fetch : (options.fetch ?? ((input, init) => fetch(input, init))),
    timeoutMs,
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry },
    limiter,
    cache: options.cache === false ? null : (options.cache ?? createMemoryCache({ maxEntries: 500 })),
    cacheTtlMs,
    onUpstreamCall: options.onUpstreamCall,
  });
  const idempotency = createIdempotencyGuard({
    store: options.idempotencyStore ?? createMemoryCache({ maxEntries: 10_000 }),
    ttlMs: options.idempotencyTtlMs,
  });

  const originAllowed = (origin: string) =>
    allowedOrigins.includes('*') ||
    allowedOrigins.includes(origin) ||
    (mode === 'sandbox' && options.allowedOrigins === undefined && isLoopbackOrigin(origin));

  const app = (basePath ? new Hono<ProxyEnv>().basePath(basePath) : new Hono<ProxyEnv>()) as ProxyApp;

  // One JSON line a request: what a log pipeline needs, and nothing identifying beyond the route.
  app.use(async (c, next) => {
    const started = performance.now();
    const stats: CallStats = { upstreamCalls: 0 };
    c.set('stats', stats);
    await next();
    const status = c.res.status;
    const line = {
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : 'info',
      method: c.req.method,
      route: routeOf(c),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      upstreamCalls: stats.upstreamCalls,
    };
    const text = redact(JSON.stringify(line));
    if (status >= 500) logger.error(text);
    else logger.info(text);
  });

  // Set before the handler runs so they land in its response without rebuilding it.
  app.use(async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.req.path.startsWith(`${basePath}/chat/`)) c.header('Cache-Control', 'no-store');
    await next();
  });

  const corsMiddleware = cors({
    origin: (origin) => {
      if (allowedOrigins.includes('*')) return '*';
      return originAllowed(origin) ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    credentials: !allowedOrigins.includes('*'),
    maxAge: 600,
  });
  // Same-origin and server-to-server requests carry no Origin: they need no CORS headers.
  app.use((c, next) => (c.req.header('origin') ? corsMiddleware(c, next) : next()));

  // A cross-site form or script must not send messages with the user's cookies: state-changing
  // requests from a browser must come from the proxy's own host or an allowed origin.
  app.use(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      // `fetch`-style hosts (Next.js, Workers) may pass a Request without a Host header.
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      let sameHost = false;
      try {
        sameHost = new URL(origin).host === host;
      } catch {
        sameHost = false;
      }
      if (!sameHost && !originAllowed(origin)) {
        throw new ProxyError(403, 'forbidden', `Origin ${origin} is not allowed; add it to allowedOrigins (C2D_PROXY_ALLOWED_ORIGINS)`);
      }
    }
    await next();
  });

  // Only on routes with a body: checking a GET's body would build a full Request for nothing.
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      errorResponse(c, new ProxyError(413, 'payload_too_large', `The request body is larger than ${Math.floor(maxBodyBytes / KIB)} KiB`)),
  });

  app.get('/health', (c) => c.json({ status: 'ok', mode } satisfies HealthResponse));

  if (sandbox) {
    // The fake Chat2Desk web UI, so DialogFrame can point at the proxy's origin offline.
    app.on(['GET', 'POST'], '/chat/*', limitBody, async (c) => {
      const response = await sandbox.handle(c.req.raw);
      // The fake UI's reply box writes to the sandbox directly: let the next reads see it.
      if (c.req.method === 'POST') {
        await upstream.invalidate(C2D_PATHS.messages);
        await upstream.invalidate(C2D_PATHS.dialogs);
      }
      return response;
    });
  }

  if (auth) app.use(createAuthMiddleware(auth));

  app.get('/clients', async (c) => {
    const query = parseQuery(c, clientsQuerySchema);
    const page = pageOf(query);
    const list = await upstream.get(clientsPath({ ...page, phone: query.phone, q: query.q }), mapClientList, c.var.stats);
    return sendJson(c, list, () => listBody(list, page));
  });

  app.get('/clients/:id', async (c) => {
    const id = parseId(c);
    const client = await upstream.get(clientPath(id), mapClient, c.var.stats, { notFound: `Client ${id} not found` });
    return sendJson(c, client, () => ({ data: client }));
  });

  app.get('/clients/:id/channels', async (c) => {
    const id = parseId(c);
    const channels = await upstream.get(clientChannelsPath(id), mapClientChannels, c.var.stats, { notFound: `Client ${id} not found` });
    return sendJson(c, channels, () => ({ data: channels }));
  });

  app.get('/clients/:id/messages', async (c) => {
    const id = parseId(c);
    const page = pageOf(parseQuery(c, messagesQuerySchema));
    const list = await upstream.get(messagesPath(id, page), mapMessageList, c.var.stats, { notFound: `Client ${id} not found` });
    return sendJson(c, list, () => listBody(list, page));
  });

  app.post('/messages', limitBody, async (c) => {
    if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ProxyError(400, 'bad_request', 'Send the body as JSON with Content-Type: application/json');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ProxyError(400, 'bad_request', 'The body is not valid JSON');
    }
    const input = parseRequest(sendMessageSchema, body, 'body');
    const send = async () => {
      try {
        return await upstream.post(C2D_PATHS.messages, sendMessageBody(input), mapSendResult, c.var.stats, {
          notFound: `Client ${input.clientId} not found`,
        });
      } finally {
        // Also after a failure: a timed-out send may still have reached the client's history.
        await upstream.invalidate(messagesCachePrefix(input.clientId));
      }
    };
    const result = input.idempotencyKey
      ? await idempotency.run(input.idempotencyKey, await fingerprint(input), send)
      : await send();
    return c.json({ data: result }, 201);
  });

  app.get('/transfers', async (c) => {
    const query = parseQuery(c, transfersQuerySchema);
    const page = pageOf(query);
    const stats = c.var.stats;
    const [list, operators] = await Promise.all([
      upstream.get(transfersPath({ ...page, dialogId: query.dialogId, clientId: query.clientId, operatorId: query.operatorId }), mapTransferList, stats),
      // Names are a nicety: transfers still answer (with null names) when operators fail.
      upstream.get(operatorsPath(), mapOperatorList, stats).catch(() => undefined),
    ]);
    return c.json(listBody({ data: withOperatorNames(list.data, operators?.data ?? []), meta: list.meta }, page));
  });

  app.get('/dialogs/:id', async (c) => {
    const id = parseId(c);
    const dialog = await upstream.get(dialogPath(id), mapDialog, c.var.stats, { notFound: `Dialog ${id} not found` });
    return sendJson(c, dialog, () => ({ data: dialog }));
  });

  app.get('/operators', async (c) => {
    // Operators are few and transfers need all their names: the whole list is the default.
    const page = pageOf(parseQuery(c, operatorsQuerySchema), 200);
    const list = await upstream.get(operatorsPath(page), mapOperatorList, c.var.stats);
    return sendJson(c, list, () => listBody(list, page));
  });

  app.notFound((c) =>
    errorResponse(c, new ProxyError(404, 'not_found', `No route ${c.req.method} ${c.req.path}; see the routes in @c2d-console/proxy's README`)),
  );

  app.onError((error, c) => {
    if (isProxyError(error)) return errorResponse(c, error);
    if (error instanceof HTTPException) {
      const code: ProxyErrorCode = error.status === 401 ? 'unauthorized' : error.status === 413 ? 'payload_too_large' : 'bad_request';
      return errorResponse(c, new ProxyError(error.status, code, error.message || 'The request was refused'));
    }
    logger.error(
      redact(
        JSON.stringify({
          time: new Date().toISOString(),
          level: 'error',
          msg: 'unhandled error',
          method: c.req.method,
          route: routeOf(c),
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      ),
    );
    return errorResponse(c, new ProxyError(500, 'internal', 'The proxy failed to handle this request; see its logs'));
  });

  function errorResponse(c: Context, error: ProxyError): Response {
    if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
    const status = error.status as 400;
    return c.json({ error: { code: error.code, message: redact(error.message) } }, status);
  }

  return app;
}

/** The pattern of the route that matched (`/clients/:id`), or null; middleware does not count. */
function routeOf(c: Context): string | null {
  return matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path ?? null;
}

// A cached upstream answer always becomes the same body (its path fixes the page), so the
// serialized JSON is kept beside it: a cache hit costs no JSON.stringify and little garbage.
const serialized = new WeakMap<object, string>();

/** Answers `build()` as JSON, serialized once per cached `source` object. */
function sendJson(c: Context, source: object, build: () => unknown): Response {
  let text = serialized.get(source);
  if (text === undefined) {
    text = JSON.stringify(build());
    serialized.set(source, text);
  }
  return c.body(text, 200, { 'Content-Type': 'application/json' });
}

function parseQuery<T>(c: Context, schema: z.ZodType<T>): T {
  // `?limit=` means "not given", as the browser client leaves empty values out anyway.
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== ''));
  return parseRequest(schema, raw, 'query parameter');
}

function parseId(c: Context): number {
  return parseRequest(idSchema('id'), c.req.param('id'), 'path');
}

function pageOf(query: { limit?: number; offset?: number }, defaultLimit = 20): Page {
  return { limit: query.limit ?? defaultLimit, offset: query.offset ?? 0 };
}

function listBody<T>(list: UpstreamList<T>, page: Page): { data: T[]; meta: ListMeta } {
  return {
    data: list.data,
    meta: {
      total: list.meta.total ?? page.offset + list.data.length,
      limit: list.meta.limit ?? page.limit,
      offset: list.meta.offset ?? page.offset,
    },
  };
}

/** A digest of what a send says, so a reused idempotencyKey with different content is caught. */
async function fingerprint(input: SendMessageInput): Promise<string> {
  const text = sendFingerprint(input);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
