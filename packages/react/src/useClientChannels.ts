import { consoleKeys, type ClientChannel } from '@c2d-console/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';

/** The channels a client can be reached through (for a channel picker); idle without a client. */
export function useClientChannels(clientId: number | undefined): UseQueryResult<ClientChannel[], Error> {
  const client = useConsoleClient();
  return useQuery({
    queryKey: consoleKeys.clientChannels(clientId ?? 0),
    queryFn: ({ signal }) => client.listClientChannels(clientId as number, { signal }),
    enabled: clientId !== undefined,
  });
}
