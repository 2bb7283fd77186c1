import type { Client } from '@c2d-console/core';
import { useMemo } from 'react';
import { matchesClientSearch } from './matchesClientSearch.js';
import { useClients, type UseClientsResult } from './useClients.js';

/** Options of {@link useClientSearch}: what was typed, parsed (`parseClientSearch`), the tag, and the page size. */
export interface UseClientSearchOptions {
  q?: string;
  phone?: string;
  /** Only clients with this tag (the proxy narrows both the search and the list it looks through). */
  tagId?: number;
  pageSize?: number;
}

/** What {@link useClientSearch} returns. */
export interface ClientSearch {
  /** The query whose states (loading, error, paging) the list shows. */
  query: UseClientsResult;
  /** The clients to list. */
  clients: Client[];
  /** How many match in all, when known. */
  total: number | undefined;
  /**
   * Set while the proxy cannot search names (`meta.search.complete` is false): the list
   * filtered the clients it has loaded, `searched` of `of` in the account; loading more pages
   * of `query` searches further.
   */
  partial: { searched: number; of: number } | undefined;
}

/**
 * A client list with its search. A phone, or a name the proxy can search completely (its
 * client index), is the proxy's answer. While the proxy cannot (Chat2Desk has no name search),
 * and always for a name within a tag (the proxy's name search knows no tags, so it refuses
 * `q` with `tagId`), the unfiltered list is filtered here, and says how much of the account it
 * has looked through, rather than passing off a part as the whole.
 */
export function useClientSearch({ q, phone, tagId, pageSize }: UseClientSearchOptions): ClientSearch {
  const nameWithinTag = q !== undefined && tagId !== undefined;
  // Within a tag the name is never sent: this is then the same query as `everyone` below.
  const searched = useClients({ q: nameWithinTag ? undefined : q, phone, tagId, pageSize });
  // Every client (with the tag), newest first: what is on screen without a search, and what a local search looks through.
  const everyone = useClients({ tagId, pageSize });
  const incomplete = nameWithinTag || (q !== undefined && searched.data?.pages[0]?.meta.search?.complete === false);
  const filtered = useMemo(
    () => (incomplete && q !== undefined ? everyone.clients.filter((client) => matchesClientSearch(client, q)) : undefined),
    [incomplete, q, everyone.clients],
  );
  if (!filtered) return { query: searched, clients: searched.clients, total: searched.total, partial: undefined };
  const of = everyone.total ?? everyone.clients.length;
  return {
    query: everyone,
    clients: filtered,
    total: everyone.hasNextPage ? undefined : filtered.length,
    partial: everyone.clients.length < of ? { searched: everyone.clients.length, of } : undefined,
  };
}
