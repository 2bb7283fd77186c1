import { consoleKeys, type Client } from '@c2d-console/core';
import type { QueryClient } from '@tanstack/react-query';
import type { ClientPages } from './consoleQueries.js';
import { pageItems } from './pages.js';

/** A client the cache already holds, on its own or in any loaded clients list; nothing is fetched. */
export function cachedClient(queryClient: QueryClient, id: number): Client | undefined {
  const own = queryClient.getQueryData<Client>(consoleKeys.client(id));
  if (own) return own;
  // Every list, whatever its search: one filter over many keys, so the data type is named here.
  for (const [, pages] of queryClient.getQueriesData<ClientPages>({ queryKey: consoleKeys.clientLists() })) {
    const found = pageItems(pages).find((client) => client.id === id);
    if (found) return found;
  }
  return undefined;
}
