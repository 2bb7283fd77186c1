import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ProxyError } from '../ProxyError.js';

/** Options of {@link crossOrigin}. */
export interface CrossOriginOptions {
  /** Origins allowed to call the proxy from a browser; `'*'` allows any, without credentials. */
  allowedOrigins: string[];
  /** Also allow any `http://localhost`, `127.0.0.1` or `[::1]` origin (the sandbox's default). */
  allowLoopbackOrigins: boolean;
}

const isLoopbackOrigin = (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CORS for the allowed origins, and a guard: a state-changing request from a browser must come
 * from the proxy's own host or an allowed origin (403 otherwise), so a cross-site form or script
 * cannot send messages with the user's cookies. Same-origin and server-to-server requests carry
 * no `Origin` and pass untouched.
 */
export function crossOrigin({ allowedOrigins, allowLoopbackOrigins }: CrossOriginOptions): MiddlewareHandler {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = (origin: string) => anyOrigin || allowedOrigins.includes(origin) || (allowLoopbackOrigins && isLoopbackOrigin(origin));
  const withCors = cors({
    origin: (origin) => {
      if (anyOrigin) return '*';
      return allowed(origin) ? origin : null;
    },
    // PATCH: the client card's edits (`PATCH /clients/:id`).
    allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    credentials: !anyOrigin,
    maxAge: 600,
  });
  return async function guardCrossOrigin(c, next) {
    const origin = c.req.header('origin');
    if (!origin) return next();
    return withCors(c, async () => {
      // `fetch`-style hosts (Next.js, Workers) may pass a Request without a Host header.
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      if (!isSafeMethod(c.req.method) && !sameHost(origin, host) && !allowed(origin)) {
        throw new ProxyError(403, 'forbidden', `Origin ${origin} is not allowed; add it to allowedOrigins (C2D_PROXY_ALLOWED_ORIGINS)`);
      }
      await next();
    });
  };
}
