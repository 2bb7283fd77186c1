import type { Dialog } from '@c2d-console/core';
import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapDialog } from '../upstream/mappers.js';
import { dialogPath } from '../upstream/paths.js';
import { cachedJson } from './cachedJson.js';
import { validId } from './validators.js';

/** `/dialogs`: one dialog. */
export function createDialogsRoutes({ upstream, live }: ProxyDeps) {
  // Each dialog read from Chat2Desk (not from the cache) tells the transfer recorder who has the
  // dialog now: the "from" of its next transfer.
  const mapAndNote = (payload: unknown): Dialog => {
    const dialog = mapDialog(payload);
    live.recorder.noteDialogOperator(dialog.id, dialog.operatorId);
    return dialog;
  };
  return new Hono<ProxyEnv>().get('/:id', validId, async (c) => {
    const { id } = c.req.valid('param');
    const dialog = await upstream.get(dialogPath(id), mapAndNote, c.var.stats, { notFound: `Dialog ${id} not found` });
    return cachedJson(c, dialog, () => ({ data: dialog }));
  });
}
