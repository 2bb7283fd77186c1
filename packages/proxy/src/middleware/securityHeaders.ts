import type { MiddlewareHandler } from 'hono';

/**
 * `X-Content-Type-Options: nosniff` and `Cache-Control: no-store` on every answer: they carry
 * one user's data, which neither a browser nor a shared cache may keep. Set before the handler
 * runs, so they land in its response without rebuilding it.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
