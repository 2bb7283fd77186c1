import { Hono } from 'hono';
import { createRedactor } from './createRedactor.js';
import { createLiveConsole } from './events/createLiveConsole.js';
import { signWebhookBody } from './events/webhookAuth.js';
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
import { createSandboxFilesRoutes } from './routes/sandboxFiles.js';
import { createWebhooksRoutes } from './routes/webhooks.js';
import { createIdempotencyGuard } from './store/createIdempotencyGuard.js';
import type { C2DHookBase } from './upstream/chat2deskTypes.js';
import { createLookups } from './upstream/createLookups.js';
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
  const { secret, signature } = options.live.webhooks;
  const redact = createRedactor([options.token, options.auth?.jwtSecret, secret, signature?.key]);
  const upstream = createUpstreamClient({
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
  });

  const hono = options.basePath ? new Hono<ProxyEnv>().basePath(options.basePath) : new Hono<ProxyEnv>();
  // The sandbox's changes reach the proxy the way Chat2Desk's do: POSTed to its own webhook route.
  const deliverWebhook = async (payload: C2DHookBase): Promise<void> => {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature) headers[signature.header] = await signWebhookBody(body, signature);
    const answer = await hono.fetch(new Request(`http://sandbox.invalid${options.basePath}/webhooks/chat2desk/${secret}`, { method: 'POST', headers, body }));
    if (!answer.ok) throw new Error(`the proxy answered the sandbox's ${payload.hook_type} webhook with HTTP ${answer.status}`);
  };
  const live = createLiveConsole({ options, upstream, sandbox, deliverWebhook });
  const deps: ProxyDeps = {
    options,
    sandbox,
    redact,
    upstream,
    lookups: createLookups(upstream),
    idempotency: createIdempotencyGuard({ store: options.idempotencyStore, ttlMs: options.idempotencyTtlMs }),
    live,
  };

  const drain = () => {
    upstream.drain();
    live.drain();
  };
  const app: ProxyApp = Object.assign(hono, {
    drain,
    // After drain() no call is sent, and one already sent ends within timeoutMs; the margin
    // covers mapping and writing its answer. Event streams end at once.
    drainTimeoutMs: options.timeoutMs + DRAIN_MARGIN_MS,
    async close() {
      drain();
      await live.close();
    },
  });
  // Cross-cutting concerns first, for every answer; then the sub-apps by path. The API guards
  // its own resources, so mounting order does not decide what is public.
  app.use(requestLog({ logger: options.logger, redact }), catchNonErrors(), securityHeaders(), crossOrigin(options));
  // The background work (client index, retention, the sandbox's activity) starts with the
  // first request: serverless runtimes allow no work before one.
  app.use(async function startLiveConsole(_c, next) {
    live.start();
    await next();
  });
  app.route('/health', createHealthRoutes(deps));
  app.route('/webhooks', createWebhooksRoutes(deps));
  if (sandbox) app.route('/chat', createChatRoutes(deps, sandbox));
  if (sandbox) app.route('/sandbox/files', createSandboxFilesRoutes());
  app.route('/', createApiRoutes(deps));
  app.notFound(notFoundAnswer(deps));
  app.onError(errorAnswer({ logger: options.logger, redact: deps.redact }));
  return app;
}
