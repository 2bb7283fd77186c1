import type { Hono } from 'hono';
import type { CallStats } from './upstream/createUpstreamClient.js';

/** Hono environment of the proxy and its sub-apps: per-request upstream call counting. */
export type ProxyEnv = { Variables: { stats: CallStats } };

/** The proxy's Hono app; mount `app.fetch` anywhere that speaks `Request`/`Response`. */
export type ProxyApp = Hono<ProxyEnv>;
