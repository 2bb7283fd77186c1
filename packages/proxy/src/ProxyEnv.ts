import type { Hono } from 'hono';
import type { Caller } from './Caller.js';
import type { CallStats } from './upstream/createUpstreamClient.js';

/**
 * Hono environment of the proxy and its sub-apps: per-request upstream call counting, and who
 * is calling (set by auth; anonymous where no auth applies).
 */
export type ProxyEnv = { Variables: { stats: CallStats; caller: Caller } };

/** The proxy's Hono app; mount `app.fetch` anywhere that speaks `Request`/`Response`. */
export type ProxyApp = Hono<ProxyEnv>;
