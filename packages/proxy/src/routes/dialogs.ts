import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapDialog } from '../upstream/mappers.js';
import { dialogPath } from '../upstream/paths.js';
import { cachedJson } from './cachedJson.js';
import { validId } from './validators.js';

/** `/dialogs`: one dialog. */
export function createDialogsRoutes({ upstream }: ProxyDeps) {
  return new Hono<ProxyEnv>().get('/:id', validId, async (c) => {
    const { id } = c.req.valid('param');
    const dialog = await upstream.get(dialogPath(id), mapDialog, c.var.stats, { notFound: `Dialog ${id} not found` });
    return cachedJson(c, dialog, () => ({ data: dialog }));
  });
}
