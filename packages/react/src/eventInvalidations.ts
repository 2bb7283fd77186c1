import { consoleKeys, type ConsoleEvent } from '@c2d-console/core';
import { hashKey, type InvalidateQueryFilters, type QueryClient, type QueryKey } from '@tanstack/react-query';

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
  const { type } = event;
  const { clientId: client, dialogId: dialog } = event.data as { clientId?: number | null; dialogId?: number | null };
  // Each key (left out when its id is unknown), the event types that touch it, and whether a
  // message only marks it stale (see above). Transfer keys are matched by their params in part:
  // `{ dialogId }` also matches `{ dialogId, limit: 20 }`.
  const touched: Array<[QueryKey | false, Array<ConsoleEvent['type']>, staleOnMessage?: boolean]> = [
    [client != null && consoleKeys.messages(client), ['message', 'dialog']],
    [client != null && consoleKeys.clientDialog(client), ['message', 'dialog', 'transfer']],
    [dialog != null && consoleKeys.dialog(dialog), ['message', 'dialog', 'transfer']],
    [client != null && consoleKeys.client(client), ['message', 'client'], true],
    [consoleKeys.clientLists(), ['message', 'client'], true],
    [consoleKeys.dialogLists(), ['message', 'dialog', 'transfer'], true],
    [dialog != null && consoleKeys.transfers({ dialogId: dialog }), ['dialog']],
    [client != null && consoleKeys.transfers({ clientId: client }), ['dialog']],
    [consoleKeys.transferLists(), ['transfer']],
    [consoleKeys.all, ['resync']],
  ];
  return touched.flatMap(([queryKey, types, staleOnMessage]) =>
    queryKey && types.includes(type)
      ? [{ queryKey, refetchType: staleOnMessage && type === 'message' ? 'none' : 'active' } as const]
      : [],
  );
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
