import { sendFingerprint, type SendMessageInput, type SendMessageResult } from '@c2d-console/core';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { attachmentKind } from './attachmentKind.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleMessage, type MessagePages } from './consoleQueries.js';
import { mapPageItems, prependItem } from './pages.js';
import { useIdempotentMutation } from './useIdempotentMutation.js';

/** What to send: the proxy's input without the idempotency key, which the hook manages. */
export type SendMessageVariables = Omit<SendMessageInput, 'idempotencyKey'>;

interface SendContext {
  previous: MessagePages | undefined;
  pendingId: number;
}

let pendingIds = 0;

/**
 * Sends a message, or an internal note (`type: 'comment'`), through the proxy. It appears at
 * once in `useMessages` (marked `status: 'sending'`, as a note when it is one, with its
 * attachment), is rolled back if the send fails, and the history is refetched after. Each send
 * carries an idempotency key; sending the same failed message again reuses its key, so a retry
 * after a lost answer never delivers it twice.
 */
export function useSendMessage(): UseMutationResult<SendMessageResult, Error, SendMessageVariables, SendContext> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();
  // The history's key, tagged with its data type: cache reads and writes below need no casts.
  const historyKey = (clientId: number) => consoleQueries.messages(api, clientId).queryKey;

  return useIdempotentMutation({
    fingerprint: sendFingerprint,
    mutationFn: (variables: SendMessageVariables, idempotencyKey) => api.sendMessage({ ...variables, idempotencyKey }),
    onMutate: async (variables): Promise<SendContext> => {
      const queryKey = historyKey(variables.clientId);
      await queryClient.cancelQueries({ queryKey, exact: true });
      const previous = queryClient.getQueryData(queryKey);
      pendingIds += 1;
      const type = variables.type ?? 'to_client';
      const file = variables.attachment;
      const pending: ConsoleMessage = {
        id: -pendingIds,
        text: variables.text,
        type,
        rawType: type,
        transport: variables.transport ?? '',
        channelId: variables.channelId ?? null,
        operatorId: null,
        dialogId: null,
        clientId: variables.clientId,
        created: new Date().toISOString(),
        read: false,
        attachments: file ? [{ url: file.url, kind: attachmentKind(file.filename ?? file.url), name: file.filename ?? null }] : [],
        location: null,
        status: 'sending',
      };
      queryClient.setQueryData(queryKey, prependItem(previous, pending));
      return { previous, pendingId: pending.id };
    },
    onSuccess: (result, variables, context) => {
      // The pending message becomes the real one at once; the refetch below fills in the rest.
      queryClient.setQueryData(historyKey(variables.clientId), (data) =>
        mapPageItems(data, (message) =>
          message.id === context.pendingId
            ? {
                ...message,
                id: result.messageId,
                dialogId: result.dialogId,
                channelId: result.channelId,
                transport: result.transport,
                status: undefined,
              }
            : message,
        ),
      );
    },
    onError: (_error, variables, context) => {
      if (context?.previous) queryClient.setQueryData(historyKey(variables.clientId), context.previous);
    },
    // Not awaited: the send's outcome shows at once, the history refreshes behind it.
    onSettled: (_result, _error, variables) => {
      void queryClient.invalidateQueries({ queryKey: historyKey(variables.clientId) });
    },
  });
}
