import type { Client } from '@c2d-console/core';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { activeClientsFirst } from './activeClientsFirst.js';
import type { ClientActivityMap } from './clientActivity.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { useClientActivity } from './useClientActivity.js';

const NONE: Client[] = [];
const loadedClients = (results: Array<UseQueryResult<Client>>): Client[] =>
  results.some((result) => result.data) ? results.flatMap((result) => (result.data ? [result.data] : [])) : NONE;

/**
 * `clients` with those that have new messages on top ({@link activeClientsFirst}), and the
 * activity itself. With `fetchMissing` (the unfiltered list), an active client that no loaded
 * page holds is fetched on its own (`consoleQueries.client`) and shown on top as well.
 */
export function useActiveClientsFirst(
  clients: Client[],
  { fetchMissing }: { fetchMissing: boolean },
): { clients: Client[]; activity: ClientActivityMap; markRead: (clientId: number) => void } {
  const api = useConsoleClient();
  const { activity, markRead } = useClientActivity();
  const missing = useMemo(() => {
    if (!fetchMissing || activity.size === 0) return [];
    const loaded = new Set(clients.map((client) => client.id));
    return [...activity.keys()].filter((id) => !loaded.has(id));
  }, [fetchMissing, activity, clients]);
  const extra = useQueries({ queries: missing.map((id) => consoleQueries.client(api, id)), combine: loadedClients });
  const ordered = useMemo(() => activeClientsFirst(clients, activity, extra), [clients, activity, extra]);
  return { clients: ordered, activity, markRead };
}
