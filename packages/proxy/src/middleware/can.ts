import type { ConsoleAction } from '@c2d-console/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../ProxyEnv.js';

/**
 * Lets the request on only if the caller may do `action` (the JWT's `c2d_scope`, then the host's
 * `authorize(request, { action })`): 403 `forbidden` naming the action otherwise. Every API
 * route runs it (a test holds them to it); a write whose action depends on its body (a reply or
 * a note) passes a function of the validated request, after its validators.
 */
export function can(action: ConsoleAction | ((c: Context<ProxyEnv>) => ConsoleAction | Promise<ConsoleAction>)): MiddlewareHandler<ProxyEnv> {
  return async function authorizeAction(c, next) {
    await c.var.authorize(typeof action === 'function' ? await action(c) : action);
    await next();
  };
}
