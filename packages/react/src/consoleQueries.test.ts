import { consoleKeys, createConsoleClient, type Client, type ClientChannel } from '@c2d-console/core';
import { QueryObserver, skipToken } from '@tanstack/react-query';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { consoleQueries, MESSAGES_REFETCH_INTERVAL, type ClientPages, type MessagePages, type TransferPages } from './consoleQueries.js';
import { createTestQueryClient } from './test/createTestQueryClient.js';
import { makeClient } from './test/fixtures.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';

// A proxy that can search names (a complete client index), so a search has pages of its own.
const { requests } = setupConsoleServer({ clientIndex: true });
const api = createConsoleClient({ apiUrl: TEST_API_URL });

describe('consoleQueries', () => {
  it('types the cache by key: getQueryData needs no type argument and no cast', () => {
    const queryClient = createTestQueryClient();
    expectTypeOf(queryClient.getQueryData(consoleQueries.client(api, 1).queryKey)).toEqualTypeOf<Client | undefined>();
    expectTypeOf(queryClient.getQueryData(consoleQueries.clientChannels(api, 1).queryKey)).toEqualTypeOf<
      ClientChannel[] | undefined
    >();
    expectTypeOf(queryClient.getQueryData(consoleQueries.clients(api).queryKey)).toEqualTypeOf<ClientPages | undefined>();
    expectTypeOf(queryClient.getQueryData(consoleQueries.messages(api, 1).queryKey)).toEqualTypeOf<MessagePages | undefined>();
    expectTypeOf(queryClient.getQueryData(consoleQueries.transfers(api, { dialogId: 1 }).queryKey)).toEqualTypeOf<
      TransferPages | undefined
    >();
  });

  it('keys every query with consoleKeys, so invalidating by consoleKeys reaches them', () => {
    expect(consoleQueries.client(api, 7).queryKey).toEqual(consoleKeys.client(7));
    expect(consoleQueries.clientChannels(api, 7).queryKey).toEqual(consoleKeys.clientChannels(7));
    expect(consoleQueries.clients(api, { q: '  Anna ', phone: ' ' }).queryKey).toEqual(
      consoleKeys.clientList({ q: 'Anna', limit: 50 }),
    );
    expect(consoleQueries.messages(api, 7).queryKey).toEqual(consoleKeys.messages(7));
    expect(consoleQueries.transfers(api, { clientId: 7, pageSize: 5 }).queryKey).toEqual(
      consoleKeys.transfers({ clientId: 7, limit: 5 }),
    );
  });

  it('lets a host prefetch a client and read it back from the cache', async () => {
    const queryClient = createTestQueryClient();
    await queryClient.prefetchQuery(consoleQueries.client(api, 1004));
    expect(queryClient.getQueryData(consoleQueries.client(api, 1004).queryKey)).toEqual(makeClient(4));
    expect(requests.map((url) => url.pathname)).toEqual(['/clients/1004']);
  });

  it('prefetches the first page of a search, with the next offset ready for more', async () => {
    const queryClient = createTestQueryClient();
    const options = consoleQueries.clients(api, { q: 'Olivia', pageSize: 5 });
    await queryClient.prefetchInfiniteQuery(options);
    const pages = queryClient.getQueryData(options.queryKey);
    expect(pages?.pages[0]?.data).toHaveLength(5);
    expect(pages?.pages[0]?.meta.total).toBe(12);
    expect(requests[0]?.search).toBe('?q=Olivia&limit=5&offset=0');
    expect(options.getNextPageParam(pages!.pages[0]!, pages!.pages, 0, [0])).toBe(5);
  });

  it('switches a query off with skipToken while its id is missing: nothing is sent', async () => {
    const queryClient = createTestQueryClient();
    const idle = [
      consoleQueries.client(api, undefined),
      consoleQueries.clientChannels(api, undefined),
      consoleQueries.messages(api, undefined),
      consoleQueries.transfers(api, {}),
    ];
    for (const options of idle) expect(options.queryFn).toBe(skipToken);
    const observer = new QueryObserver(queryClient, consoleQueries.client(api, undefined));
    const unsubscribe = observer.subscribe(() => {});
    expect(observer.getCurrentResult()).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    expect(requests).toHaveLength(0);
  });

  it('polls an open message history unless the event stream is live, so replies sent in the Chat2Desk frame show up', () => {
    expect(consoleQueries.messages(api, 1001).refetchInterval).toBe(MESSAGES_REFETCH_INTERVAL);
    expect(consoleQueries.messages(api, 1001, { live: false }).refetchInterval).toBe(MESSAGES_REFETCH_INTERVAL);
    expect(consoleQueries.messages(api, 1001, { live: true }).refetchInterval).toBe(false);
  });

  it('asks for messages and transfers page by page with the given size', async () => {
    const queryClient = createTestQueryClient();
    await queryClient.prefetchInfiniteQuery(consoleQueries.messages(api, 1001, { pageSize: 10 }));
    await queryClient.prefetchInfiniteQuery(consoleQueries.transfers(api, { dialogId: 51_001, pageSize: 2 }));
    expect(requests.map((url) => `${url.pathname}${url.search}`)).toEqual([
      '/clients/1001/messages?limit=10&offset=0',
      '/transfers?limit=2&dialogId=51001&offset=0',
    ]);
  });
});
