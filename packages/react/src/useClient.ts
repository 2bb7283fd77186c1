import { consoleKeys, type Client } from '@c2d-console/core';
import { skipToken, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import type { ClientPages } from './useClients.js';

/**
 * One client by id (`consoleKeys.client(id)`); idle while `id` is undefined. A client already
 * in a loaded list shows at once while its own request runs.
 */
export function useClient(id: number | undefined): UseQueryResult<Client, Error> {
  const client = useConsoleClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: consoleKeys.client(id ?? 0),
    queryFn: id === undefined ? skipToken : ({ signal }) => client.getClient(id, { signal }),
    placeholderData: () => {
      if (id === undefined) return undefined;
      for (const [, pages] of queryClient.getQueriesData<ClientPages>({ queryKey: [...consoleKeys.clients(), 'list'] })) {
        const found = pages?.pages.flatMap((page) => page.data).find((c) => c.id === id);
        if (found) return found;
      }
      return undefined;
    },
  });
}
