import { consoleKeys, type Client } from '@c2d-console/core';
import type { QueryClient } from '@tanstack/react-query';
import { clientListParams, CLIENTS_PAGE_SIZE, type ClientListOptions, type ClientPages } from '../consoleQueries.js';

/**
 * Puts `clients` into the cache as the fully loaded list `useClients(options)` reads, in pages
 * of `pageSize` as if the operator had scrolled to the end, and keeps clients lists fresh so
 * nothing refetches them. For tests, stories and the benchmark ("10,000 clients loaded").
 */
export function seedClientList(queryClient: QueryClient, clients: Client[], options: ClientListOptions = {}): void {
  const pageSize = options.pageSize ?? CLIENTS_PAGE_SIZE;
  const params = clientListParams({ ...options, pageSize });
  const data: ClientPages = { pages: [], pageParams: [] };
  for (let offset = 0; offset < Math.max(clients.length, 1); offset += pageSize) {
    data.pages.push({ data: clients.slice(offset, offset + pageSize), meta: { total: clients.length, limit: pageSize, offset } });
    data.pageParams.push(offset);
  }
  queryClient.setQueryDefaults(consoleKeys.clients(), { staleTime: Number.POSITIVE_INFINITY });
  queryClient.setQueryData(consoleKeys.clientList(params), data);
}
