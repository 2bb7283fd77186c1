import { useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleMessage, type MessagePages } from './consoleQueries.js';
import { uniqueById } from './uniqueById.js';

/** What {@link useMessages} returns: the infinite query plus the messages oldest → newest. */
export type UseMessagesResult = UseInfiniteQueryResult<MessagePages, Error> & {
  /** Loaded messages in reading order (oldest first, newest last). */
  messages: ConsoleMessage[];
  total: number | undefined;
};

/**
 * A client's messages (`consoleQueries.messages`). Pages come newest first (`fetchNextPage`
 * loads older ones); `messages` is in reading order. Polls every `MESSAGES_REFETCH_INTERVAL` ms;
 * idle without a client.
 */
export function useMessages(clientId: number | undefined, { pageSize }: { pageSize?: number } = {}): UseMessagesResult {
  const api = useConsoleClient();
  const query = useInfiniteQuery(consoleQueries.messages(api, clientId, { pageSize }));
  const messages = useMemo(
    () => uniqueById(query.data?.pages.flatMap((page) => page.data) ?? []).toReversed(),
    [query.data],
  );
  return { ...query, messages, total: query.data?.pages[0]?.meta.total };
}
