import { consoleKeys, type Client, type ClientsParams, type ListResponse } from '@c2d-console/core';
import {
  keepPreviousData,
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';

/** Options of {@link useClients}. */
export interface UseClientsOptions {
  /** Name or phone fragment. */
  q?: string;
  /** Phone digits. */
  phone?: string;
  /** Clients per request (1..200, default 50). */
  pageSize?: number;
}

/** The cached pages of a clients list, as {@link useClients} keeps them. */
export type ClientPages = InfiniteData<ListResponse<Client>, number>;

/** What {@link useClients} returns: TanStack's infinite-query result plus the flattened list. */
export type UseClientsResult = UseInfiniteQueryResult<ClientPages, Error> & {
  /** Every loaded client, in the proxy's order (newest first). */
  clients: Client[];
  /** How many clients match on the proxy, loaded or not; undefined until the first page. */
  total: number | undefined;
};

/** Default page size of {@link useClients}. */
export const CLIENTS_PAGE_SIZE = 50;

/** The query params (and key) of a clients list: blank search fields are left out. */
export function clientListParams({ q, phone, pageSize = CLIENTS_PAGE_SIZE }: UseClientsOptions): Omit<ClientsParams, 'offset'> {
  const params: Omit<ClientsParams, 'offset'> = {};
  if (q?.trim()) params.q = q.trim();
  if (phone?.trim()) params.phone = phone.trim();
  params.limit = pageSize;
  return params;
}

/**
 * The proxy's clients, page by page (`offset` paging). Key: `consoleKeys.clientList({ q, phone,
 * limit })`. While a new search loads, the previous results stay (no flash of an empty list);
 * a request is aborted when its component unmounts or the search changes.
 */
export function useClients(options: UseClientsOptions = {}): UseClientsResult {
  const client = useConsoleClient();
  const pageSize = options.pageSize ?? CLIENTS_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
    throw new RangeError(`useClients: pageSize must be an integer from 1 to 200, got ${pageSize}`);
  }
  const params = clientListParams({ ...options, pageSize });
  const query = useInfiniteQuery<
    ListResponse<Client>,
    Error,
    ClientPages,
    ReturnType<typeof consoleKeys.clientList>,
    number
  >({
    queryKey: consoleKeys.clientList(params),
    queryFn: ({ pageParam, signal }) => client.listClients({ ...params, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.meta.offset + last.data.length;
      // An empty page ends the list even if `total` promised more (clients deleted meanwhile).
      return last.data.length > 0 && next < last.meta.total ? next : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const clients = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  return { ...query, clients, total: query.data?.pages.at(-1)?.meta.total };
}
