import type { Client } from '@c2d-console/core';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { cachedClient } from './cachedClient.js';
import { consoleQueries } from './consoleQueries.js';

/**
 * One client by id (`consoleQueries.client`, key `consoleKeys.client(id)`); idle while `id` is
 * undefined. A client already in a loaded list shows at once while its own request runs.
 */
export function useClient(id: number | undefined): UseQueryResult<Client, Error> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();
  return useQuery({
    ...consoleQueries.client(api, id),
    // In a list the operator clicked it in, typically: shown at once while its own request runs.
    placeholderData: () => (id === undefined ? undefined : cachedClient(queryClient, id)),
  });
}
