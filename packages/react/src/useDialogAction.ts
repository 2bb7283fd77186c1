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
  | { action: 'close' | 'reopen'; dialogId: number }
  | {
      action: 'transfer';
      dialogId: number;
      to: TransferTarget;
      /** The name the pending transfer shows in `TransferHistory` (a group's, say) until the recorded one replaces it. */
      toName?: string;
    };

/** @internal What a failed action restores: each touched cache entry as it was. */
interface DialogActionContext {
  restore: Array<[QueryKey, unknown]>;
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

  /** The dialog as cached anywhere: its own query, else any inbox list. */
  const cachedDialog = (id: number): Dialog | undefined =>
    queryClient.getQueryData(consoleQueries.dialog(api, id).queryKey) ??
    queryClient
      .getQueriesData<DialogPages>({ queryKey: consoleKeys.dialogLists() })
      .flatMap(([, pages]) => pageItems(pages))
      .find((dialog) => dialog.id === id);

  return useIdempotentMutation({
    fingerprint: (variables: DialogActionVariables) =>
      JSON.stringify([variables.action, variables.dialogId, variables.action === 'transfer' ? variables.to : null]),
    mutationFn: (variables, idempotencyKey) => {
      const { dialogId } = variables;
      if (variables.action === 'transfer') return api.transferDialog(dialogId, { ...variables.to, idempotencyKey });
      if (variables.action === 'close') return api.closeDialog(dialogId, { idempotencyKey });
      return api.reopenDialog(dialogId, { idempotencyKey });
    },
    onMutate: async (variables): Promise<DialogActionContext> => {
      const { dialogId } = variables;
      const dialog = cachedDialog(dialogId);
      const clientId = dialog?.clientId ?? undefined;
      const touched: QueryKey[] = [consoleKeys.dialogs(), ...(clientId === undefined ? [] : [consoleKeys.clientDialog(clientId)])];
      if (variables.action === 'transfer') touched.push(consoleKeys.transfers());
      await Promise.all(touched.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      const restore = touched.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));

      if (variables.action !== 'transfer') {
        const state = variables.action === 'close' ? 'closed' : 'open';
        const patch = <T extends Dialog>(d: T): T => (d.id === dialogId ? { ...d, state } : d);
        queryClient.setQueryData(consoleQueries.dialog(api, dialogId).queryKey, (d) => d && patch(d));
        if (clientId !== undefined) queryClient.setQueryData(consoleQueries.clientDialog(api, clientId).queryKey, (d) => d && patch(d));
        queryClient.setQueriesData<DialogPages>({ queryKey: consoleKeys.dialogLists() }, (data) => mapPageItems(data, patch));
        return { restore };
      }

      pendingIds += 1;
      const operators = queryClient.getQueryData(consoleQueries.operators(api).queryKey) ?? [];
      const nameOf = (id: number | null | undefined) => {
        const operator = operators.find((o) => o.id === id);
        return operator ? operatorFullName(operator) : null;
      };
      const from = dialog?.operatorId ?? null;
      const pending: ConsoleTransfer = {
        id: -pendingIds,
        dialogId,
        clientId: clientId ?? null,
        fromOperatorId: from,
        toOperatorId: variables.to.operatorId ?? 0,
        fromOperatorName: nameOf(from),
        toOperatorName: variables.toName ?? nameOf(variables.to.operatorId),
        created: new Date().toISOString(),
        reason: null,
        status: 'pending',
      };
      // Every loaded history of this dialog or its client, whatever else it filters by.
      for (const [queryKey] of queryClient.getQueriesData<TransferPages>({ queryKey: consoleKeys.transfers() })) {
        const params = queryKey[2] as TransfersParams | undefined;
        const mine = params?.dialogId === dialogId || (clientId !== undefined && params?.clientId === clientId);
        if (!mine || params?.operatorId !== undefined) continue;
        queryClient.setQueryData<TransferPages>(queryKey, (data) => prependItem(data, pending));
      }
      return { restore, pendingId: pending.id };
    },
    onSuccess: (dialog, _variables, context) => {
      queryClient.setQueryData(consoleQueries.dialog(api, dialog.id).queryKey, dialog);
      if (context.pendingId === undefined) return;
      // Confirmed: it stays, no longer pending, until the recorded transfer (its event) replaces it.
      queryClient.setQueriesData<TransferPages>({ queryKey: consoleKeys.transfers() }, (data) =>
        mapPageItems(data, (t) => (t.id === context.pendingId ? { ...t, status: undefined } : t)),
      );
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.restore ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSettled: (dialog, _error, variables) => {
      void queryClient.invalidateQueries({ queryKey: consoleKeys.dialogLists() });
      if (!dialog) void queryClient.invalidateQueries({ queryKey: consoleKeys.dialog(variables.dialogId) });
      const clientId = dialog?.clientId ?? cachedDialog(variables.dialogId)?.clientId;
      if (clientId != null) void queryClient.invalidateQueries({ queryKey: consoleKeys.clientDialog(clientId) });
      // Only marked stale: a refetch now could drop the confirmed transfer before the proxy
      // records it from Chat2Desk's webhook; its event refetches the histories.
      if (variables.action === 'transfer') void queryClient.invalidateQueries({ queryKey: consoleKeys.transfers(), refetchType: 'none' });
    },
  });
}
