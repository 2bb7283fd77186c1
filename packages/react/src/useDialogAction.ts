import { consoleKeys, type Dialog, type TransfersParams } from '@c2d-console/core';
import { useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleTransfer, type DialogPages, type TransferPages } from './consoleQueries.js';
import { operatorFullName } from './operatorName.js';
import { mapPageItems, pageItems, prependItem } from './pages.js';
import { useIdempotentMutation } from './useIdempotentMutation.js';

/** Who a dialog is handed to: an operator or a group. */
export type TransferTarget = { operatorId: number; groupId?: never } | { groupId: number; operatorId?: never };

/** What {@link useDialogAction} does to a dialog. */
export type DialogActionVariables =
  | { action: 'close' | 'reopen'; dialogId: number; to?: never; toName?: never }
  | {
      action: 'transfer';
      dialogId: number;
      to: TransferTarget;
      /** The name the pending transfer shows in `TransferHistory` (a group's, say) until the recorded one replaces it. */
      toName?: string;
    };

/** @internal What a failed action restores (each touched cache entry as it was), and whose dialog it was. */
interface DialogActionContext {
  restore: Array<[QueryKey, unknown]>;
  clientId?: number | null;
  pendingId?: number;
}

let pendingIds = 0;

/**
 * Transfers, closes or reopens a dialog through the proxy, with an idempotency key (the same
 * failed action done again reuses it). Closing and reopening show at once wherever the dialog is
 * cached (the dialog, every inbox list, the client's dialog) and are rolled back if the proxy
 * refuses; a transfer appears at once in every loaded `TransferHistory` of the dialog or its
 * client as `pending`, is confirmed when the proxy answers and replaced by the recorded transfer
 * when its event arrives. After either outcome the dialog, the inbox lists and the client's
 * dialog are refreshed. Never retried by itself.
 */
export function useDialogAction(): UseMutationResult<Dialog, Error, DialogActionVariables, DialogActionContext> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();

  return useIdempotentMutation({
    fingerprint: ({ action, dialogId, to }: DialogActionVariables) => JSON.stringify([action, dialogId, to]),
    mutationFn: ({ action, dialogId, to }, idempotencyKey) =>
      to ? api.transferDialog(dialogId, { ...to, idempotencyKey }) : api[`${action as 'close' | 'reopen'}Dialog`](dialogId, { idempotencyKey }),
    onMutate: async ({ action, dialogId, to, toName }): Promise<DialogActionContext> => {
      // The dialog as cached anywhere: its own query, else any inbox list.
      const dialog =
        queryClient.getQueryData(consoleQueries.dialog(api, dialogId).queryKey) ??
        queryClient
          .getQueriesData<DialogPages>({ queryKey: consoleKeys.dialogLists() })
          .flatMap(([, pages]) => pageItems(pages))
          .find((d) => d.id === dialogId);
      const clientId = dialog?.clientId;
      // A transfer touches the histories; a close or reopen, the dialog wherever it is cached.
      const touched: QueryKey[] = to ? [consoleKeys.transferLists()] : [consoleKeys.dialogs(), ...(clientId == null ? [] : [consoleKeys.clientDialog(clientId)])];
      await Promise.all(touched.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      const restore = touched.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));

      if (!to) {
        const patch = <T extends Dialog>(d: T): T => (d.id === dialogId ? { ...d, state: action === 'close' ? 'closed' : 'open' } : d);
        for (const queryKey of touched) {
          queryClient.setQueriesData<Dialog | DialogPages>({ queryKey }, (data) => (data && 'pages' in data ? mapPageItems(data, patch) : data && patch(data)));
        }
        return { restore, clientId };
      }

      const operators = queryClient.getQueryData(consoleQueries.operators(api).queryKey);
      const nameOf = (id?: number | null) => {
        const operator = operators?.find((o) => o.id === id);
        return operator ? operatorFullName(operator) : null;
      };
      const from = dialog?.operatorId ?? null;
      const pending: ConsoleTransfer = {
        id: -++pendingIds,
        dialogId,
        clientId: clientId ?? null,
        fromOperatorId: from,
        toOperatorId: to.operatorId ?? 0,
        fromOperatorName: nameOf(from),
        toOperatorName: toName ?? nameOf(to.operatorId),
        created: new Date().toISOString(),
        reason: null,
        status: 'pending',
      };
      // Every loaded history of this dialog or its client, unless it keeps to one operator.
      for (const [queryKey] of restore) {
        const params = queryKey[2] as TransfersParams | undefined;
        if ((params?.dialogId === dialogId || (clientId != null && params?.clientId === clientId)) && params?.operatorId === undefined) {
          queryClient.setQueryData<TransferPages>(queryKey, (data) => prependItem(data, pending));
        }
      }
      return { restore, clientId, pendingId: pending.id };
    },
    onSuccess: (dialog, _variables, { pendingId }) => {
      queryClient.setQueryData(consoleQueries.dialog(api, dialog.id).queryKey, dialog);
      // Confirmed: it stays, no longer pending, until the recorded transfer (its event) replaces it.
      if (pendingId) {
        queryClient.setQueriesData<TransferPages>({ queryKey: consoleKeys.transferLists() }, (data) =>
          mapPageItems(data, (t) => (t.id === pendingId ? { ...t, status: undefined } : t)),
        );
      }
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.restore ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSettled: (dialog, _error, { to }, context) => {
      // The dialog itself only when the proxy's answer is not in the cache already.
      void queryClient.invalidateQueries({ queryKey: dialog ? consoleKeys.dialogLists() : consoleKeys.dialogs() });
      const clientId = dialog?.clientId ?? context?.clientId;
      if (clientId != null) void queryClient.invalidateQueries({ queryKey: consoleKeys.clientDialog(clientId) });
      // Only marked stale: a refetch now could drop the confirmed transfer before the proxy
      // records it from Chat2Desk's webhook; its event refetches the histories.
      if (to) void queryClient.invalidateQueries({ queryKey: consoleKeys.transferLists(), refetchType: 'none' });
    },
  });
}
