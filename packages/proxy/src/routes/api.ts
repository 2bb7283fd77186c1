import { Hono, type MiddlewareHandler } from 'hono';
import { allowAnonymous, requireAuth } from '../middleware/requireAuth.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { createClientsRoutes } from './clients.js';
import { createDialogsRoutes } from './dialogs.js';
import { createEventsRoutes } from './events.js';
import { createMessagesRoutes } from './messages.js';
import { createOperatorGroupsRoutes } from './operatorGroups.js';
import { createOperatorsRoutes } from './operators.js';
import { createTagsRoutes } from './tags.js';
import { createTemplatesRoutes } from './templates.js';
import { createTransfersRoutes } from './transfers.js';

/**
 * The API the browser components call: one sub-app per resource, each behind the proxy's auth.
 * The guard covers these resources' own paths and nothing else, so a public sub-app mounted
 * beside this one (health, the sandbox's web UI and files, webhooks) stays public whatever the
 * order. Each route then names the action it needs (`can`), which the guard's `authorize` checks.
 */
export function createApiRoutes(deps: ProxyDeps) {
  const resources: Array<[path: string, routes: Hono<ProxyEnv>]> = [
    ['/clients', createClientsRoutes(deps)],
    ['/messages', createMessagesRoutes(deps)],
    ['/transfers', createTransfersRoutes(deps)],
    ['/dialogs', createDialogsRoutes(deps)],
    ['/operators', createOperatorsRoutes(deps)],
    ['/operator-groups', createOperatorGroupsRoutes(deps)],
    ['/templates', createTemplatesRoutes(deps)],
    ['/tags', createTagsRoutes(deps)],
    ['/events', createEventsRoutes(deps)],
  ];
  // One instance for every resource: it remembers verified JWTs. Without auth (sandbox,
  // insecureNoAuth) every caller is anonymous and may do everything.
  const auth: MiddlewareHandler<ProxyEnv> = deps.options.auth ? requireAuth(deps.options.auth) : allowAnonymous;
  const api = new Hono<ProxyEnv>();
  for (const [path, routes] of resources) {
    api.use(`${path}/*`, auth);
    api.route(path, routes);
  }
  return api;
}
