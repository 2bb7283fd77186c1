import { consoleKeys } from '@c2d-console/core';
import { useConsoleClient } from '@c2d-console/react';
import { useQuery } from '@tanstack/react-query';

/**
 * The client's current Chat2Desk dialog: the dialog of its newest message. (The API has no
 * "client's dialogs" route; a CRM that stores dialog ids itself would pass its own.)
 */
export function useClientDialogId(clientId: number | undefined) {
  const client = useConsoleClient();
  return useQuery({
    queryKey: [...consoleKeys.messages(clientId ?? 0), 'current-dialog'],
    queryFn: async ({ signal }) => {
      const page = await client.listMessages(clientId as number, { limit: 1 }, { signal });
      return page.data[0]?.dialogId ?? null;
    },
    enabled: clientId !== undefined,
  });
}
