import { consoleKeys, type Dialog, type TransfersParams } from '@c2d-console/core';
import { useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleTransfer, type TransferPages } from './consoleQueries.js';
import { operatorFullName } from './operatorName.js';
import { mapPageItems, prependItem } from './pages.js';
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

/** @internal What a failed transfer restores: each history it was put in, as it was. */
interface DialogActionContext {
  restore: Array<[QueryKey, unknown]>;
  pendingId: number;
}

let pendingIds = 0;

/**
 * Transfers, closes or reopens a dialog through the proxy, with an idempotency key (the same
 * failed action done again reuses it). A transfer appears at once in every loaded
 * `TransferHistory` of the dialog or its client as `pending`, is confirmed when the proxy
 * answers (and replaced by the recorded transfer when its event arrives) or taken out if it
 * fails (its client and former operator are known when `consoleQueries.dialog` is cached). The proxy's answer becomes the cached dialog, and the inbox lists and the client's
 * dialog are refreshed. Never retried by itself.
 */
export function useDialogAction(): UseMutationResult<Dialog, Error, DialogActionVariables, DialogActionContext | undefined> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();

  return useIdempotentMutation({
    // The same action on the same dialog (to the same target) is the same write.
    fingerprint: (variables: DialogActionVariables) => JSON.stringify(variables),
    // `transferDialog`, `closeDialog` or `reopenDialog`; only a transfer has a target to send.
    mutationFn: ({ action, dialogId, to }, idempotencyKey) => (api[`${action}Dialog`] as typeof api.transferDialog)(dialogId, { ...to!, idempotencyKey }),
    onMutate: async ({ dialogId, to, toName }) => {
      if (!to) return;
      // Its client and operator now, as `DialogActions` (or any caller showing the dialog) has it cached.
      const dialog = queryClient.getQueryData(consoleQueries.dialog(api, dialogId).queryKey);
      const clientId = dialog?.clientId ?? null;
      const queryKey = consoleKeys.transferLists();
      await queryClient.cancelQueries({ queryKey });
      const restore = queryClient.getQueriesData({ queryKey });
      const operators = queryClient.getQueryData(consoleQueries.operators(api).queryKey);
      const nameOf = (id?: number | null) => {
        const operator = operators?.find((o) => o.id === id);
        return operator ? operatorFullName(operator) : null;
      };
      const from = dialog?.operatorId ?? null;
      const pending: ConsoleTransfer = {
        id: -++pendingIds,
        dialogId,
        clientId,
        fromOperatorId: from,
        toOperatorId: to.operatorId ?? 0,
        fromOperatorName: nameOf(from),
        toOperatorName: toName ?? nameOf(to.operatorId),
        created: new Date().toISOString(),
        reason: null,
        status: 'pending',
      };
      // Every loaded history of this dialog or its client, unless it keeps to one operator.
      for (const [key] of restore) {
        const params = key[2] as TransfersParams | undefined;
        if ((params?.dialogId === dialogId || (clientId !== null && params?.clientId === clientId)) && params?.operatorId === undefined) {
          queryClient.setQueryData<TransferPages>(key, (data) => prependItem(data, pending));
        }
      }
      return { restore, pendingId: pending.id };
    },
    onSuccess: (dialog, _variables, context) => {
      queryClient.setQueryData(consoleQueries.dialog(api, dialog.id).queryKey, dialog);
      void queryClient.invalidateQueries({ queryKey: consoleKeys.dialogLists() });
      if (dialog.clientId !== null) void queryClient.invalidateQueries({ queryKey: consoleKeys.clientDialog(dialog.clientId) });
      if (!context) return;
      // Confirmed: it stays, no longer pending, until the recorded transfer (its event) replaces it.
      // Only marked stale: a refetch now could drop it before the proxy records it from
      // Chat2Desk's webhook; its event refetches the histories.
      queryClient.setQueriesData<TransferPages>({ queryKey: consoleKeys.transferLists() }, (data) =>
        mapPageItems(data, (t) => (t.id === context.pendingId ? { ...t, status: undefined } : t)),
      );
      void queryClient.invalidateQueries({ queryKey: consoleKeys.transferLists(), refetchType: 'none' });
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.restore ?? []) queryClient.setQueryData(queryKey, data);
    },
  });
}
