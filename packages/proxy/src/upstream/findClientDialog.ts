import type { Dialog } from '@c2d-console/core';
import type { CallStats, UpstreamClient } from './createUpstreamClient.js';
import { mapDialog, mapMessageList } from './mappers.js';
import { dialogPath, messagesPath } from './paths.js';

/** The dialogs of a client's latest messages looked at for an open one, at most (the latest is always read). */
const MAX_DIALOGS_READ = 3;

/** The page of a client's history the search reads: the message history's first page, so usually a cache hit. */
const LATEST_MESSAGES = { limit: 20, offset: 0 };

/**
 * A client's current dialog: the open one, else the latest; undefined when they have none.
 *
 * ⚠ `GET /v1/clients/{id}/dialogs` is referenced but left unimplemented by two clients (L):
 * until it is confirmed, the dialogs come from the client's latest messages (newest first, the
 * history's own first page), which name their `dialog_id`. The latest of them is the current
 * one unless it is closed while an earlier one is open (a client on two channels): up to
 * {@link MAX_DIALOGS_READ} are read to find it. This function is the one place to change when
 * the endpoint is confirmed. Throws a 404 naming the client when Chat2Desk does not know them.
 */
export async function findClientDialog(upstream: UpstreamClient, clientId: number, stats: CallStats, read: (payload: unknown) => Dialog = mapDialog): Promise<Dialog | undefined> {
  const messages = await upstream.get(messagesPath(clientId, LATEST_MESSAGES), mapMessageList, stats, { notFound: `Client ${clientId} not found` });
  const dialogIds = [...new Set(messages.data.flatMap((m) => (m.dialogId === null ? [] : [m.dialogId])))].slice(0, MAX_DIALOGS_READ);
  let latest: Dialog | undefined;
  for (const id of dialogIds) {
    // oxlint-disable-next-line no-await-in-loop -- one at a time: the first open one ends the search
    const dialog = await upstream.get(dialogPath(id), read, stats, { notFound: `Dialog ${id} not found` });
    latest ??= dialog;
    if (dialog.state === 'open') return dialog;
  }
  return latest;
}
