import type { HealthResponse } from '@c2d-console/core';
import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';

/** `GET /health`: `{ status, mode }` without calling Chat2Desk. Public (load balancers call it). */
export function createHealthRoutes({ options }: ProxyDeps) {
  const body: HealthResponse = { status: 'ok', mode: options.mode };
  return new Hono<ProxyEnv>().get('/', (c) => c.json(body));
}
