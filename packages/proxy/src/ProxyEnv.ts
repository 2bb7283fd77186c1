import type { ConsoleAction } from '@c2d-console/core';
import type { Hono } from 'hono';
import type { Caller } from './Caller.js';
import type { CallStats } from './upstream/createUpstreamClient.js';

/**
 * Hono environment of the proxy and its sub-apps: per-request upstream call counting, who is
 * calling (set by auth; anonymous where no auth applies), and the check of what they may do
 * (`authorize(action)`, which every API route runs through the `can` middleware: 403 naming
 * the action when the JWT's scope or the host's `authorize` refuses it).
 */
export type ProxyEnv = { Variables: { stats: CallStats; caller: Caller; authorize: (action: ConsoleAction) => Promise<void> } };

/**
 * How a server shuts the proxy down without cutting requests short. `serveProxy` calls it for
 * you; a host serving `app.fetch` itself calls `drain()` when it stops accepting connections
 * and waits `drainTimeoutMs` before closing the rest.
 */
export interface ProxyDrain {
  /**
   * Starts a shutdown: Chat2Desk calls not sent yet (queued by the rate limiter, waiting to
   * retry, or new) answer 503 `unavailable` with `Retry-After` at once and are never sent;
   * calls already sent finish, each within `timeoutMs`.
   */
  drain(): void;
  /**
   * Longest a request can still take once `drain()` was called (`timeoutMs` + 1 s): the least
   * grace a server should give in-flight requests before closing their connections.
   */
  readonly drainTimeoutMs: number;
  /**
   * Drains, waits for the work under way (webhooks being recorded, the client index's page),
   * then closes the stores the proxy opened (the SQLite file). `serveProxy` calls it once the
   * server has closed.
   */
  close(): Promise<void>;
}

/** The proxy's Hono app; mount `app.fetch` anywhere that speaks `Request`/`Response`. */
export type ProxyApp = Hono<ProxyEnv> & ProxyDrain;
