import { consoleKeys, type Client } from '@c2d-console/core';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ClientPages } from './consoleQueries.js';

/**
 * One client by id (`consoleQueries.client`, key `consoleKeys.client(id)`); idle while `id` is
 * undefined. A client already in a loaded list shows at once while its own request runs.
 */
export function useClient(id: number | undefined): UseQueryResult<Client, Error> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();
  return useQuery({
    ...consoleQueries.client(api, id),
    placeholderData: () => {
      if (id === undefined) return undefined;
      // Every list, whatever its search: one filter over many keys, so the data type is named here.
      for (const [, pages] of queryClient.getQueriesData<ClientPages>({ queryKey: consoleKeys.clientLists() })) {
        const found = pages?.pages.flatMap((page) => page.data).find((c) => c.id === id);
        if (found) return found;
      }
      return undefined;
    },
  });
}
