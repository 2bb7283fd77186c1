import { consoleKeys } from '@c2d-console/core';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { MESSAGES_REFETCH_INTERVAL, type ConsoleMessage } from './consoleQueries.js';
import { ConsoleProvider, useConsoleClient } from './ConsoleProvider.js';
import { createTestQueryClient, renderHookWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { useConsoleConnection } from './useConsoleConnection.js';
import { useConsoleEvents } from './useConsoleEvents.js';
import { useMessages } from './useMessages.js';

const { server, requests, withFeed } = setupConsoleServer({ messagesPerClient: 12 });

/** Calls the proxy once per client and `call` value. */
function Health({ call = 1 }: { call?: number }) {
  const client = useConsoleClient();
  useEffect(() => {
    void client.health({ signal: AbortSignal.timeout(10_000 + call) });
  }, [client, call]);
  return <p>ok</p>;
}

describe('ConsoleProvider', () => {
  it('sends the latest auth token with every request', async () => {
    const fetch = vi.fn(async () => Response.json({ status: 'ok', mode: 'sandbox' }));
    const { rerender } = render(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'first'} events={false}>
        <Health />
      </ConsoleProvider>,
    );
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({
      authorization: 'Bearer first',
    });
    rerender(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'second'} events={false}>
        <Health />
      </ConsoleProvider>,
    );
    rerender(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'second'} events={false}>
        <Health call={2} />
      </ConsoleProvider>,
    );
    await vi.waitFor(() =>
      expect((fetch.mock.lastCall as unknown as [string, RequestInit])[1].headers).toMatchObject({
        authorization: 'Bearer second',
      }),
    );
  });

  it("uses the host's QueryClient when given one", () => {
    const queryClient = new QueryClient();
    const seen = vi.fn();
    function Probe() {
      const client = useQueryClient();
      useEffect(() => seen(client), [client]);
      return null;
    }
    render(
      <ConsoleProvider apiUrl="/api" queryClient={queryClient} events={false}>
        <Probe />
      </ConsoleProvider>,
    );
    expect(seen).toHaveBeenCalledWith(queryClient);
  });

  it('explains how to fix a hook used outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Health />)).toThrow('needs a <ConsoleProvider apiUrl="/api"> above it');
    vi.restoreAllMocks();
  });

  it('renders its children', () => {
    render(
      <ConsoleProvider apiUrl="/api" events={false}>
        child
      </ConsoleProvider>,
    );
    expect(screen.getByText('child')).toBeInTheDocument();
  });
});

/** Shows the provider's stream status. */
function Status() {
  return <p>{useConsoleConnection()}</p>;
}

/** The open history of client 1001 and what the provider's stream is doing. */
function useLiveHistory() {
  return { history: useMessages(1001), status: useConsoleConnection() };
}
const texts = (messages: ConsoleMessage[]) => messages.map((message) => message.text);
const historyRequests = () => requests.filter((url) => url.pathname === '/clients/1001/messages');

describe('ConsoleProvider event stream', () => {
  it('opens one stream and refreshes the open history as soon as a message event arrives', async () => {
    const feed = withFeed();
    const { result } = renderHookWithConsole(useLiveHistory);
    await waitFor(() => expect(result.current.status).toBe('live'));
    await waitFor(() => expect(result.current.history.messages).toHaveLength(12));
    const asked = historyRequests().length;
    feed.clientWrites(1001, 'Is my parcel on its way?');
    await waitFor(() => expect(texts(result.current.history.messages).at(-1)).toBe('Is my parcel on its way?'));
    expect(historyRequests()).toHaveLength(asked + 1);
    expect(feed.connections).toHaveLength(1);
  });

  it('refetches the history once for a burst of events', async () => {
    const feed = withFeed();
    const { result } = renderHookWithConsole(useLiveHistory);
    await waitFor(() => expect(result.current.status).toBe('live'));
    await waitFor(() => expect(result.current.history.messages).toHaveLength(12));
    const asked = historyRequests().length;
    for (const text of ['One', 'Two', 'Three', 'Four']) feed.clientWrites(1001, text);
    await waitFor(() => expect(texts(result.current.history.messages).slice(-4)).toEqual(['One', 'Two', 'Three', 'Four']));
    expect(historyRequests()).toHaveLength(asked + 1);
  });

  it('reconnects after a drop with Last-Event-ID and gets what it missed meanwhile', async () => {
    const feed = withFeed();
    const { result } = renderHookWithConsole(useLiveHistory);
    await waitFor(() => expect(result.current.status).toBe('live'));
    const seen = feed.clientWrites(1001, 'Before the drop');
    await waitFor(() => expect(texts(result.current.history.messages)).toContain('Before the drop'));
    feed.drop();
    await waitFor(() => expect(result.current.status).toBe('polling'));
    feed.clientWrites(1001, 'While the stream was down');
    // The first retry comes after 0.5 to 1 s.
    await waitFor(() => expect(result.current.status).toBe('live'), { timeout: 3000 });
    expect(feed.connections.map((connection) => connection.lastEventId)).toEqual([null, '1']);
    await waitFor(() => expect(texts(result.current.history.messages)).toContain('While the stream was down'));
    expect(seen.text).toBe('Before the drop');
  });

  it('polls the history only while the stream is down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const feed = withFeed();
      const { result } = renderHookWithConsole(useLiveHistory);
      await waitFor(() => expect(result.current.status).toBe('live'));
      await waitFor(() => expect(result.current.history.isSuccess).toBe(true));
      const asked = historyRequests().length;
      await vi.advanceTimersByTimeAsync(3 * MESSAGES_REFETCH_INTERVAL);
      expect(historyRequests()).toHaveLength(asked);
      // Down, and refused on every retry (a proxy over its connection cap): the history polls.
      server.use(http.get(`${TEST_API_URL}/events`, () => HttpResponse.json({ error: { code: 'upstream_error', message: 'Too many event streams' } }, { status: 503 })));
      feed.drop();
      await waitFor(() => expect(result.current.status).toBe('polling'));
      await vi.advanceTimersByTimeAsync(MESSAGES_REFETCH_INTERVAL + 100);
      await waitFor(() => expect(historyRequests()).toHaveLength(asked + 1));
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens no stream with events={false}, and polls', async () => {
    const feed = withFeed();
    const { result, queryClient } = renderHookWithConsole(useLiveHistory, { provider: { events: false } });
    await waitFor(() => expect(result.current.history.isSuccess).toBe(true));
    expect(result.current.status).toBe('polling');
    expect(feed.connections).toHaveLength(0);
    const observer = queryClient.getQueryCache().find({ queryKey: consoleKeys.messages(1001) })?.observers[0];
    expect(observer?.options.refetchInterval).toBe(MESSAGES_REFETCH_INTERVAL);
  });

  it('closes the stream when it unmounts', async () => {
    const feed = withFeed();
    const { result, unmount } = renderHookWithConsole(useLiveHistory);
    await waitFor(() => expect(result.current.status).toBe('live'));
    unmount();
    await waitFor(() => expect(feed.connections[0]?.open).toBe(false));
  });

  it('calls onNewMessage for messages from clients only', async () => {
    const feed = withFeed();
    const onNewMessage = vi.fn();
    const { result } = renderHookWithConsole(useConsoleConnection, { provider: { onNewMessage } });
    await waitFor(() => expect(result.current).toBe('live'));
    feed.operatorReplies(1001, 'Replied in the frame');
    const written = feed.clientWrites(1002, 'Hello?');
    await waitFor(() => expect(onNewMessage).toHaveBeenCalledTimes(1));
    expect(onNewMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'message', data: expect.objectContaining({ kind: 'inbox', clientId: 1002, messageId: written.id, text: 'Hello?' }) }),
    );
  });

  it('hands every event to useConsoleEvents handlers while they are mounted', async () => {
    const feed = withFeed();
    const handler = vi.fn();
    const { result, unmount } = renderHookWithConsole(() => {
      useConsoleEvents(handler);
      return useConsoleConnection();
    });
    await waitFor(() => expect(result.current).toBe('live'));
    feed.push({ type: 'dialog', time: '2026-11-01T12:00:00Z', data: { change: 'closed', dialogId: 51001, clientId: 1001, operatorId: null } });
    await waitFor(() => expect(handler).toHaveBeenCalledWith(expect.objectContaining({ type: 'dialog', id: '1' })));
    unmount();
    feed.push({ type: 'resync', time: '2026-11-01T12:00:00Z', data: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('stops retrying when the proxy refuses the token, and tries again with a new getAuthToken', async () => {
    const feed = withFeed();
    let refusals = 0;
    server.use(
      http.get(`${TEST_API_URL}/events`, ({ request }) => {
        if (request.headers.get('authorization') === 'Bearer renewed') return feed.respond(request);
        refusals += 1;
        return HttpResponse.json({ error: { code: 'unauthorized', message: 'The token has expired' } }, { status: 401 });
      }),
    );
    const queryClient = createTestQueryClient();
    const ui = (getAuthToken: () => string) => (
      <ConsoleProvider apiUrl={TEST_API_URL} getAuthToken={getAuthToken} queryClient={queryClient}>
        <Status />
      </ConsoleProvider>
    );
    const { rerender } = render(ui(() => 'expired'));
    await waitFor(() => expect(screen.getByText('polling')).toBeInTheDocument());
    // Longer than any first retry: none comes with the refused token.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(refusals).toBe(1);
    rerender(ui(() => 'renewed'));
    await waitFor(() => expect(screen.getByText('live')).toBeInTheDocument());
    expect(refusals).toBe(1);
    expect(feed.connections).toHaveLength(1);
  });
});
