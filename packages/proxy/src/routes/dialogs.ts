import type { Dialog } from '@c2d-console/core';
import { Hono, type Context } from 'hono';
import { can } from '../middleware/can.js';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapDialog } from '../upstream/mappers.js';
import { dialogPath } from '../upstream/paths.js';
import { cachedJson } from './cachedJson.js';
import { changeDialogState, transferDialog, type DialogWriteContext } from './dialogActions.js';
import { inboxPage } from './inboxDialogs.js';
import { dialogActionSchema, dialogsQuerySchema, dialogTransferSchema } from './requestSchemas.js';
import { runOnce, writeFingerprint } from './runOnce.js';
import { jsonBody, validId, validJson, validQuery } from './validators.js';

/**
 * `/dialogs`: the inbox, one dialog, and the operator's actions on it (transfer, close,
 * reopen), each at most once per `idempotencyKey`, never retried upstream, answering the dialog
 * as it is now.
 */
export function createDialogsRoutes(deps: ProxyDeps) {
  const { upstream, live, idempotency, options } = deps;
  // Each dialog read from Chat2Desk (not from the cache) tells the transfer recorder who has the
  // dialog now: the "from" of its next transfer.
  const mapAndNote = (payload: unknown): Dialog => {
    const dialog = mapDialog(payload);
    live.recorder.noteDialogOperator(dialog.id, dialog.operatorId);
    return dialog;
  };
  const body = [limitBody(options.maxBodyBytes), jsonBody] as const;
  /** Runs a dialog write at most once per caller and `idempotencyKey`, and answers the dialog as it is now. */
  const answerWrite = async <I extends { idempotencyKey?: string }>(
    c: Context<ProxyEnv>,
    what: 'transfer' | 'close' | 'reopen',
    id: number,
    input: I,
    write: (ctx: DialogWriteContext, id: number, input: I) => Promise<Dialog>,
  ) => {
    const ctx = { deps, caller: c.var.caller, stats: c.var.stats };
    const fingerprint = writeFingerprint(what, id, input);
    const dialog = await runOnce(idempotency, c.var.caller, { key: input.idempotencyKey, fingerprint }, () => write(ctx, id, input));
    return c.json({ data: dialog });
  };
  return new Hono<ProxyEnv>()
    .get('/', can('read'), validQuery(dialogsQuerySchema), async (c) => c.json(await inboxPage(deps, c.req.valid('query'), c.var.stats)))
    .get('/:id', can('read'), validId, async (c) => {
      const { id } = c.req.valid('param');
      const dialog = await upstream.get(dialogPath(id), mapAndNote, c.var.stats, { notFound: `Dialog ${id} not found` });
      return cachedJson(c, dialog, () => ({ data: dialog }));
    })
    .post('/:id/transfer', can('transfer'), validId, ...body, validJson(dialogTransferSchema), (c) =>
      answerWrite(c, 'transfer', c.req.valid('param').id, c.req.valid('json'), (ctx, id, input) => transferDialog(ctx, id, input)),
    )
    .post('/:id/close', can('close'), validId, ...body, validJson(dialogActionSchema), (c) =>
      answerWrite(c, 'close', c.req.valid('param').id, c.req.valid('json'), (ctx, id) => changeDialogState(ctx, id, 'closed')),
    )
    .post('/:id/reopen', can('reopen'), validId, ...body, validJson(dialogActionSchema), (c) =>
      answerWrite(c, 'reopen', c.req.valid('param').id, c.req.valid('json'), (ctx, id) => changeDialogState(ctx, id, 'open')),
    );
}
