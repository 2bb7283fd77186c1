import { Hono } from 'hono';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import type { SandboxUpstream } from '../upstream/createSandboxUpstream.js';
import { C2D_PATHS } from '../upstream/paths.js';

/**
 * `/chat/*` (sandbox mode only): the fake Chat2Desk web UI, handed to the sandbox as is, so
 * `DialogFrame` can point at the proxy's own origin offline. Public, like Chat2Desk's own UI
 * (which asks for its own login).
 */
export function createChatRoutes({ upstream, options }: ProxyDeps, sandbox: SandboxUpstream) {
  return new Hono<ProxyEnv>().on(['GET', 'POST'], '/*', limitBody(options.maxBodyBytes), async (c) => {
    const response = await sandbox.handle(c.req.raw);
    // The fake UI's reply box writes to the sandbox directly: let the next reads see it.
    if (c.req.method === 'POST') {
      await upstream.invalidate(C2D_PATHS.messages);
      await upstream.invalidate(C2D_PATHS.dialogs);
    }
    return response;
  });
}
