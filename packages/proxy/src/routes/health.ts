import type { HealthResponse } from '@c2d-console/core';
import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { createHealthProbe } from '../upstream/createHealthProbe.js';

/**
 * `GET /health`, public (load balancers call it). Sandbox: `{ status, mode }`. Live: adds
 * `upstream` from Chat2Desk's account info (probed at most once a minute): `degraded` when
 * Chat2Desk is not usable, and HTTP 503 when it rejects the token (every route would fail).
 * With Redis, adds `redis` (up or down, and why): 503 while it is down.
 */
export function createHealthRoutes({ options, upstream, redact, redis }: ProxyDeps) {
  const routes = new Hono<ProxyEnv>();
  if (options.mode === 'sandbox') {
    const body: HealthResponse = { status: 'ok', mode: options.mode };
    return routes.get('/', (c) => c.json(body));
  }
  const probe = createHealthProbe(upstream);
  return routes.get('/', async (c) => {
    const [probed, shared] = await Promise.all([probe(c.var.stats), redis?.health()]);
    // Like every error answer, what Chat2Desk said passes the redactor (it might echo the token).
    const health = probed.error ? { ...probed, error: { ...probed.error, message: redact(probed.error.message) } } : probed;
    const redisDown = shared?.status === 'down';
    const body: HealthResponse = { status: health.error || redisDown ? 'degraded' : 'ok', mode: options.mode, upstream: health };
    if (shared) body.redis = { ...shared, reason: shared.reason === null ? null : redact(shared.reason) };
    // Without Redis no webhook is taken and no guarded send made; reads go on (see the README on load balancers).
    return c.json(body, health.tokenValid === false || redisDown ? 503 : 200);
  });
}
