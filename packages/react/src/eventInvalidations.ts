import { consoleKeys, type ConsoleEvent } from '@c2d-console/core';
import { hashKey, type InvalidateQueryFilters, type QueryClient, type QueryKey } from '@tanstack/react-query';

/** Refetch now the matching queries on screen; the others are only marked stale. */
const now = (queryKey: QueryKey): InvalidateQueryFilters => ({ queryKey, refetchType: 'active' });
/** Only mark stale: refetched when next shown, never at once. */
const later = (queryKey: QueryKey): InvalidateQueryFilters => ({ queryKey, refetchType: 'none' });

/**
 * The cached answers one event makes stale, as `queryClient.invalidateQueries` filters. What is
 * on screen is refetched at once (`refetchType: 'active'`); what is not is only marked stale.
 *
 * - `message`: the client's history (and whatever else the host keyed under it), the dialog and
 *   the client's current dialog (a message may open a new one). The client, the clients lists
 *   and the inbox lists are only marked stale: refetching every loaded page of a list for each
 *   message would cost the account a Chat2Desk call per page, and a message changes no clients
 *   list's order (the proxy lists clients newest first); `ClientList` moves the client up and
 *   shows the message's time itself.
 * - `dialog`: the dialog, the client's current dialog, the inbox lists, the dialog's transfers
 *   and the client's, and the client's history (its system lines).
 * - `client`: the client and every clients list (a new client, a changed name).
 * - `transfer`: every transfer history, the dialog, the client's current dialog and the inbox
 *   lists (its operator changed).
 * - `resync`: everything the console cached.
 */
export function eventInvalidations(event: ConsoleEvent): InvalidateQueryFilters[] {
  switch (event.type) {
    case 'message': {
      const { clientId, dialogId } = event.data;
      const filters = [
        now(consoleKeys.messages(clientId)),
        now(consoleKeys.clientDialog(clientId)),
        later(consoleKeys.client(clientId)),
        later(consoleKeys.clientLists()),
        later(consoleKeys.dialogLists()),
      ];
      if (dialogId !== null) filters.push(now(consoleKeys.dialog(dialogId)));
      return filters;
    }
    case 'dialog': {
      const { dialogId, clientId } = event.data;
      // Transfer keys are matched by their params in part: `{ dialogId }` also matches `{ dialogId, limit: 20 }`.
      const filters = [now(consoleKeys.dialog(dialogId)), now(consoleKeys.dialogLists()), now(consoleKeys.transfers({ dialogId }))];
      if (clientId !== null) {
        filters.push(now(consoleKeys.clientDialog(clientId)), now(consoleKeys.messages(clientId)), now(consoleKeys.transfers({ clientId })));
      }
      return filters;
    }
    case 'client':
      return [now(consoleKeys.client(event.data.clientId)), now(consoleKeys.clientLists())];
    case 'transfer': {
      const { dialogId, clientId } = event.data;
      const filters = [now(consoleKeys.transferLists()), now(consoleKeys.dialog(dialogId)), now(consoleKeys.dialogLists())];
      if (clientId !== null) filters.push(now(consoleKeys.clientDialog(clientId)));
      return filters;
    }
    case 'resync':
      return [now(consoleKeys.all)];
    default:
      return [];
  }
}

/**
 * Applies {@link eventInvalidations} to `queryClient`. The events of one burst (a replay after a
 * reconnect) are gathered until the next turn of the event loop, so each query refetches once,
 * not once per event, each cancelling the one before.
 */
export function createEventInvalidator(queryClient: QueryClient): (event: ConsoleEvent) => void {
  let pending: Map<string, InvalidateQueryFilters> | undefined;
  return (event) => {
    if (!pending) {
      const batch = new Map<string, InvalidateQueryFilters>();
      pending = batch;
      setTimeout(() => {
        pending = undefined;
        for (const filters of batch.values()) void queryClient.invalidateQueries(filters);
      });
    }
    for (const filters of eventInvalidations(event)) {
      const key = hashKey(filters.queryKey ?? []);
      // "Refetch now" wins over "only mark stale" for the same key.
      if (pending.get(key)?.refetchType !== 'active') pending.set(key, filters);
    }
  };
}
