import type { Dialog, DialogTransferInput } from '@c2d-console/core';
import type { Caller } from '../Caller.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import { ProxyError } from '../ProxyError.js';
import type { WriteEcho } from '../events/createConsoleWrites.js';
import { isWholeList } from '../upstream/createLookups.js';
import type { CallStats } from '../upstream/createUpstreamClient.js';
import { dialogUpdateBody, ignoreWriteAnswer, mapDialog, mapOperatorList } from '../upstream/mappers.js';
import { dialogPath, operatorsPath, transferToGroupPath } from '../upstream/paths.js';
import type { WebhookTouches } from '../upstream/readWebhook.js';

/** Who asks for a dialog change, and where its upstream calls are counted. */
export interface DialogWriteContext {
  deps: ProxyDeps;
  caller: Caller;
  stats: CallStats;
}

/** What a change of a dialog makes stale: the dialog, the dialog lists, and its client's messages (Chat2Desk adds a system message). */
const dialogTouches = (dialog: Dialog): WebhookTouches => ({ clientId: dialog.clientId, dialogId: dialog.id, messages: true, client: false, dialog: true });

/** The dialog as Chat2Desk has it now (never from the cache), noting its operator for the transfer history. */
async function readDialog({ deps, stats }: DialogWriteContext, id: number): Promise<Dialog> {
  const dialog = await deps.upstream.get(dialogPath(id), mapDialog, stats, { fresh: true, notFound: `Dialog ${id} not found` });
  deps.live.recorder.noteDialogOperator(dialog.id, dialog.operatorId);
  return dialog;
}

/** Sends a dialog change (see `ConsoleWrites.send`) and answers the dialog as it is now. */
async function sendChange(ctx: DialogWriteContext, before: Dialog, echo: WriteEcho, write: () => Promise<unknown>): Promise<Dialog> {
  await ctx.deps.live.writes.send({ echoes: [echo], touches: dialogTouches(before) }, write);
  return readDialog(ctx, before.id);
}

/** Announces a changed dialog to every open console (a `dialog` event). */
async function announceDialog(ctx: DialogWriteContext, change: 'closed' | 'reopened' | 'transferred', before: Dialog, after: Dialog, dedupeKey: string) {
  await ctx.deps.live.writes.announce({
    dedupeKey,
    touches: dialogTouches(after),
    events: [{ type: 'dialog', time: new Date().toISOString(), data: { change, dialogId: after.id, clientId: after.clientId ?? before.clientId, operatorId: after.operatorId } }],
    payload: { write: change, dialogId: after.id, initiatorId: ctx.caller.operatorId, fromOperatorId: before.operatorId, toOperatorId: after.operatorId },
  });
}

/** A name for the write in the event log: unique per write (its idempotency key, when it has one, is kept by the guard). */
const writeKey = (what: string, id: number) => `write:${what}:${id}:${crypto.randomUUID()}`;

/**
 * Closes or reopens a dialog (`PUT /v1/dialogs/{id} {state}`, the signed-in operator as
 * `initiator_id`). A dialog already in that state is answered as it is, with no write.
 */
export async function changeDialogState(ctx: DialogWriteContext, id: number, state: 'open' | 'closed'): Promise<Dialog> {
  const before = await readDialog(ctx, id);
  if (before.state === state) return before;
  const { upstream } = ctx.deps;
  const after = await sendChange(ctx, before, { hookType: state === 'closed' ? 'close_dialog' : 'new_request', id }, () =>
    upstream.put(dialogPath(id), dialogUpdateBody({ state }, ctx.caller.operatorId), ignoreWriteAnswer, ctx.stats, { notFound: `Dialog ${id} not found` }),
  );
  await announceDialog(ctx, state === 'closed' ? 'closed' : 'reopened', before, after, writeKey(state, id));
  return after;
}

/** The 400 of a transfer target the account does not have. */
const noSuch = (field: 'operatorId' | 'groupId', what: string, id: number, list: string) =>
  new ProxyError(400, 'bad_request', `Invalid body: ${field}: the account has no ${what} ${id} (GET ${list} lists them)`);

/**
 * Hands a dialog to an operator (`PUT /v1/dialogs/{id} {operator_id, force_assign}`) or to a
 * group (`GET /v1/messages/{last message}/transfer_to_group?group_id`, which has side effects:
 * sent once, never cached), the signed-in operator as the initiator where Chat2Desk takes one.
 * The transfer is recorded at once (Chat2Desk has no transfers endpoint) and told as `dialog`
 * and `transfer` events; its `dialog_transferred` webhook then adds nothing. A dialog the
 * operator already holds is answered as it is, with no write.
 */
export async function transferDialog(ctx: DialogWriteContext, id: number, input: DialogTransferInput): Promise<Dialog> {
  const { upstream, lookups, live } = ctx.deps;
  const force = input.force === true;
  const before = await readDialog(ctx, id);
  let write: () => Promise<unknown>;
  let reason: string | null = null;
  if (input.operatorId !== undefined) {
    const operatorId = input.operatorId;
    if (before.operatorId === operatorId) return before;
    // Refused here, by name, rather than by Chat2Desk in words of its own (when the list is whole).
    const operators = await upstream.get(operatorsPath(), mapOperatorList, ctx.stats);
    if (isWholeList(operators) && !operators.data.some((o) => o.id === operatorId)) throw noSuch('operatorId', 'operator', operatorId, '/operators');
    write = () =>
      upstream.put(dialogPath(id), dialogUpdateBody({ operatorId, force }, ctx.caller.operatorId), ignoreWriteAnswer, ctx.stats, { notFound: `Dialog ${id} not found` });
  } else {
    const groupId = input.groupId;
    const groups = await lookups.operatorGroups(ctx.stats);
    const group = groups.data.find((g) => g.id === groupId);
    if (!group) throw noSuch('groupId', 'operator group', groupId, '/operator-groups');
    // Chat2Desk hands a dialog to a group through one of its messages.
    const messageId = before.lastMessage?.id;
    if (messageId === undefined) throw new ProxyError(400, 'bad_request', `Dialog ${id} has no messages yet; Chat2Desk hands a dialog to a group through one of its messages`);
    reason = group.name;
    write = () => upstream.get(transferToGroupPath(messageId, groupId, force), ignoreWriteAnswer, ctx.stats, { once: true, notFound: `Dialog ${id} has no message ${messageId} any more` });
  }
  const after = await sendChange(ctx, before, { hookType: 'dialog_transferred', id }, write);
  await announceDialog(ctx, 'transferred', before, after, writeKey('transfer', id));
  if (after.operatorId !== null && after.operatorId !== before.operatorId) {
    // The history Chat2Desk does not keep; announced as a `transfer` event, as a webhook's would be.
    await live.recorder
      .record(
        { dialogId: id, clientId: after.clientId ?? before.clientId, fromOperatorId: before.operatorId, toOperatorId: after.operatorId, created: new Date().toISOString(), reason },
        { announce: true },
      )
      .catch((error: unknown) => {
        ctx.deps.options.logger.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'a transfer was made but could not be recorded', dialogId: id, error: String((error as Error)?.message ?? error) }));
      });
  }
  return after;
}
