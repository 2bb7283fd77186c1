import { consoleKeys, type ListResponse, type Message } from '@c2d-console/core';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { nextOffset } from './nextOffset.js';
import { uniqueById } from './uniqueById.js';

/** A message as the console shows it: optimistic ones carry a delivery status until confirmed. */
export type ConsoleMessage = Message & { status?: 'sending' };

/** The cached pages of a client's history, newest page first, each newest message first. */
export type MessagePages = InfiniteData<ListResponse<ConsoleMessage>, number>;

/** What {@link useMessages} returns: the infinite query plus the messages oldest → newest. */
export type UseMessagesResult = UseInfiniteQueryResult<MessagePages, Error> & {
  /** Loaded messages in reading order (oldest first, newest last). */
  messages: ConsoleMessage[];
  total: number | undefined;
};

/** How often an open history asks for new messages (ms): replies sent inside the Chat2Desk frame show up. */
export const MESSAGES_REFETCH_INTERVAL = 10_000;

/**
 * A client's messages. Pages come newest first (`fetchNextPage` loads older ones); `messages`
 * is in reading order. Polls every {@link MESSAGES_REFETCH_INTERVAL} ms; idle without a client.
 */
export function useMessages(clientId: number | undefined, { pageSize = 30 }: { pageSize?: number } = {}): UseMessagesResult {
  const client = useConsoleClient();
  const query = useInfiniteQuery<
    ListResponse<ConsoleMessage>,
    Error,
    MessagePages,
    ReturnType<typeof consoleKeys.messages>,
    number
  >({
    queryKey: consoleKeys.messages(clientId ?? 0),
    queryFn: ({ pageParam, signal }) =>
      client.listMessages(clientId as number, { limit: pageSize, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: clientId !== undefined,
    refetchInterval: MESSAGES_REFETCH_INTERVAL,
  });
  const messages = useMemo(
    () => uniqueById(query.data?.pages.flatMap((page) => page.data) ?? []).toReversed(),
    [query.data],
  );
  return { ...query, messages, total: query.data?.pages[0]?.meta.total };
}
