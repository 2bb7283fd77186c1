import type { ClientChannel } from '@c2d-console/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';

/** The channels a client can be reached through (for a channel picker); idle without a client. */
export function useClientChannels(clientId: number | undefined): UseQueryResult<ClientChannel[], Error> {
  const api = useConsoleClient();
  return useQuery(consoleQueries.clientChannels(api, clientId));
}
