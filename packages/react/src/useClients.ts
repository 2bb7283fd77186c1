import type { Client } from '@c2d-console/core';
import { keepPreviousData, useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { CLIENTS_PAGE_SIZE, consoleQueries, type ClientListOptions, type ClientPages } from './consoleQueries.js';
import { pageItems } from './pages.js';

// As in useControllableState: the host's bundler replaces it, and drops the development check.
declare const process: { env: { NODE_ENV?: string } };

/** Options of {@link useClients}. */
export type UseClientsOptions = ClientListOptions;

/** What {@link useClients} returns: TanStack's infinite-query result plus the flattened list. */
export type UseClientsResult = UseInfiniteQueryResult<ClientPages, Error> & {
  /** Every loaded client, in the proxy's order (newest first). */
  clients: Client[];
  /** How many clients match on the proxy, loaded or not; undefined until the first page. */
  total: number | undefined;
};

/**
 * The proxy's clients, page by page (`consoleQueries.clients`: `offset` paging, key
 * `consoleKeys.clientList({ q, phone, tagId, limit })`). While a new search loads, the previous results
 * stay (no flash of an empty list); a request is aborted when its component unmounts or the
 * search changes.
 */
export function useClients(options: UseClientsOptions = {}): UseClientsResult {
  const api = useConsoleClient();
  const pageSize = options.pageSize ?? CLIENTS_PAGE_SIZE;
  // In development only: in production the proxy refuses such a `limit` with a 400 naming it, shown as the list's error.
  if (process.env.NODE_ENV !== 'production' && (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)) {
    throw new RangeError(`useClients: pageSize must be an integer from 1 to 200, got ${pageSize}`);
  }
  const query = useInfiniteQuery({
    ...consoleQueries.clients(api, { ...options, pageSize }),
    placeholderData: keepPreviousData,
  });
  const clients = useMemo(() => pageItems(query.data), [query.data]);
  return { ...query, clients, total: query.data?.pages.at(-1)?.meta.total };
}
