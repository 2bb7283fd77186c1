import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ProxyEnv } from '../ProxyEnv.js';
import type { ProxyLogger } from '../ProxyLogger.js';
import type { CallStats } from '../upstream/createUpstreamClient.js';

/** Options of {@link requestLog}. */
export interface RequestLogOptions {
  logger: ProxyLogger;
  /** Applied to every line before it is written (keeps the token out of the log). */
  redact: (text: string) => string;
}

/** The pattern of the route that matched (`/clients/:id`), or null; middleware does not count. */
export function routeOf(c: Context): string | null {
  return matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path ?? null;
}

/**
 * One JSON line a request (`time`, `level`, `method`, `route`, `status`, `ms`, `upstreamCalls`):
 * what a log pipeline needs, and nothing identifying beyond the route's pattern. Also gives the
 * request its `stats` variable, which the upstream client counts calls in.
 */
export function requestLog({ logger, redact }: RequestLogOptions): MiddlewareHandler<ProxyEnv> {
  return async function logRequest(c, next) {
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
  };
}
