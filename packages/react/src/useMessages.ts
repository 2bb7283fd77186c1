import { useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleMessage, type MessagePages } from './consoleQueries.js';
import { useConsoleConnection } from './useConsoleConnection.js';
import { pageItems } from './pages.js';
import { uniqueById } from './uniqueById.js';

/** What {@link useMessages} returns: the infinite query plus the messages oldest → newest. */
export type UseMessagesResult = UseInfiniteQueryResult<MessagePages, Error> & {
  /** Loaded messages in reading order (oldest first, newest last). */
  messages: ConsoleMessage[];
  total: number | undefined;
};

/**
 * A client's messages (`consoleQueries.messages`). Pages come newest first (`fetchNextPage`
 * loads older ones); `messages` is in reading order. Refreshed by the provider's event stream;
 * polls every `MESSAGES_REFETCH_INTERVAL` ms only while the stream is down or off. Idle without a
 * client.
 */
export function useMessages(clientId: number | undefined, { pageSize }: { pageSize?: number } = {}): UseMessagesResult {
  const api = useConsoleClient();
  const live = useConsoleConnection() === 'live';
  const query = useInfiniteQuery(consoleQueries.messages(api, clientId, { pageSize, live }));
  const messages = useMemo(() => uniqueById(pageItems(query.data)).toReversed(), [query.data]);
  return { ...query, messages, total: query.data?.pages[0]?.meta.total };
}
