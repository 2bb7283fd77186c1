import { Hono } from 'hono';
import { createRedactor } from './createRedactor.js';
import { crossOrigin } from './middleware/crossOrigin.js';
import { catchNonErrors, errorAnswer, notFoundAnswer } from './middleware/errorAnswers.js';
import { requestLog } from './middleware/requestLog.js';
import { securityHeaders } from './middleware/securityHeaders.js';
import { resolveOptions, type ProxyOptions } from './options.js';
import type { ProxyDeps } from './ProxyDeps.js';
import type { ProxyApp, ProxyEnv } from './ProxyEnv.js';
import { createApiRoutes } from './routes/api.js';
import { createChatRoutes } from './routes/chat.js';
import { createHealthRoutes } from './routes/health.js';
import { createIdempotencyGuard } from './store/createIdempotencyGuard.js';
import { createMemoryTransferLog } from './store/createMemoryTransferLog.js';
import { createQuotaGate } from './upstream/createQuotaGate.js';
import { createSandboxUpstream } from './upstream/createSandboxUpstream.js';
import { createUpstreamClient } from './upstream/createUpstreamClient.js';

const DRAIN_MARGIN_MS = 1000;

/**
 * Creates the c2d-console proxy: a Hono app that authorizes browser requests, validates them,
 * and answers from Chat2Desk (live mode, `token` set) or from an in-process fake Chat2Desk
 * (sandbox mode), mapped to `@c2d-console/core`'s domain types. Throws a
 * `Chat2DeskConfigError` for a configuration it refuses to run with.
 */
export function createProxy(proxyOptions: ProxyOptions = {}): ProxyApp {
  const options = resolveOptions(proxyOptions);
  const sandbox = options.sandbox ? createSandboxUpstream(options.sandbox) : undefined;
  const redact = createRedactor([options.token, options.auth?.jwtSecret]);
  const deps: ProxyDeps = {
    options,
    sandbox,
    redact,
    upstream: createUpstreamClient({
      baseUrl: sandbox ? sandbox.baseUrl : options.upstreamUrl,
      // The sandbox takes any non-empty token; the real one is never handed to it.
      token: options.token ?? 'sandbox',
      fetch: sandbox ? sandbox.fetch : options.fetch,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxUpstreamBodyBytes,
      retry: options.retry,
      limiter: options.rateLimiter,
      cache: options.cache,
      cacheTtlMs: options.cacheTtlMs,
      redact,
      onUpstreamCall: options.onUpstreamCall,
      quotaGate: createQuotaGate(),
    }),
    idempotency: createIdempotencyGuard({ store: options.idempotencyStore, ttlMs: options.idempotencyTtlMs }),
    transfers: sandbox ? sandbox.transfers : createMemoryTransferLog(),
  };

  const hono = options.basePath ? new Hono<ProxyEnv>().basePath(options.basePath) : new Hono<ProxyEnv>();
  const app: ProxyApp = Object.assign(hono, {
    drain: () => deps.upstream.drain(),
    // After drain() no call is sent, and one already sent ends within timeoutMs; the margin
    // covers mapping and writing its answer.
    drainTimeoutMs: options.timeoutMs + DRAIN_MARGIN_MS,
  });
  // Cross-cutting concerns first, for every answer; then the sub-apps by path. The API guards
  // its own resources, so mounting order does not decide what is public.
  app.use(requestLog({ logger: options.logger, redact }), catchNonErrors(), securityHeaders(), crossOrigin(options));
  app.route('/health', createHealthRoutes(deps));
  if (sandbox) app.route('/chat', createChatRoutes(deps, sandbox));
  app.route('/', createApiRoutes(deps));
  app.notFound(notFoundAnswer(deps));
  app.onError(errorAnswer({ logger: options.logger, redact: deps.redact }));
  return app;
}
