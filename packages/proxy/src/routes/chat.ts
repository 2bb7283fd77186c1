import { Hono } from 'hono';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import type { SandboxUpstream } from '../upstream/createSandboxUpstream.js';

/**
 * `/chat/*` (sandbox mode only): the fake Chat2Desk web UI, handed to the sandbox as is, so
 * `DialogFrame` can point at the proxy's own origin offline. Public, like Chat2Desk's own UI
 * (which asks for its own login). A reply written in it reaches the proxy as Chat2Desk's would:
 * as an `outbox` webhook, which drops the cached history and tells every open console.
 */
export function createChatRoutes({ options }: ProxyDeps, sandbox: SandboxUpstream) {
  return new Hono<ProxyEnv>().on(['GET', 'POST'], '/*', limitBody(options.maxBodyBytes), (c) => sandbox.handle(c.req.raw));
}
