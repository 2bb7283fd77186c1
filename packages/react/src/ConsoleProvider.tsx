import {
  createConsoleClient,
  type ConsoleClient,
  type ConsoleClientOptions,
  type ConsoleMessageEvent,
} from '@c2d-console/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { ConsoleContext, useConsoleContext, type ConsoleContextValue } from './ConsoleContext.js';
import { createConsoleQueryClient } from './createConsoleQueryClient.js';
import { connectEvents, type EventConnection } from './eventConnection.js';
import { createEventInvalidator } from './eventInvalidations.js';
import { createLiveConsole, type LiveConsole } from './liveConsole.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { useLatest } from './useLatest.js';

/** Props of {@link ConsoleProvider}. */
export interface ConsoleProviderProps {
  /** Base URL of the c2d-console proxy, e.g. `/api`. */
  apiUrl: string;
  /** Returns the bearer token (JWT) the proxy expects, when it requires one. */
  getAuthToken?: ConsoleClientOptions['getAuthToken'];
  /**
   * Language of every label, date and number: a language pack, e.g. `ru` from
   * `@c2d-console/react/locales/ru`. English is built in and the default.
   */
  locale?: ConsoleLocale;
  /** The host app's own `QueryClient`; one with the console's defaults is created if absent. */
  queryClient?: QueryClient;
  /** Default Chat2Desk web host for `DialogFrame`, e.g. `https://web.chat2desk.kz`. */
  frameHost?: string;
  /** A `fetch` to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
  /**
   * Whether to keep the proxy's event stream (`GET /events`) open, so new messages and changes
   * show at once (default true). `false` for a proxy without `/events`: the history polls instead.
   */
  events?: boolean;
  /** Called for each new message from a client (an `inbox` message event): a tab title, a desktop notification. */
  onNewMessage?: (event: ConsoleMessageEvent) => void;
  children?: ReactNode;
}

/**
 * The one provider of the console: the proxy client, a TanStack `QueryClient`, the locale, the
 * default frame host, and one event stream per page that refreshes what each event touches
 * (reconnecting with backoff; while it is down, the history polls). Wrap every console
 * component and hook in it.
 */
export function ConsoleProvider({
  apiUrl,
  getAuthToken,
  locale,
  queryClient,
  frameHost,
  fetch,
  events = true,
  onNewMessage,
  children,
}: ConsoleProviderProps): ReactElement {
  const [ownQueryClient] = useState(() => queryClient ?? createConsoleQueryClient());
  const activeQueryClient = queryClient ?? ownQueryClient;
  // Rebuilding the client is cheap and refetches nothing: query keys do not include it.
  const client = useMemo(
    () => createConsoleClient({ apiUrl, fetch, getAuthToken }),
    [apiUrl, fetch, getAuthToken],
  );
  const [live] = useState(createLiveConsole);
  const latest = useLatest({ getAuthToken, onNewMessage });
  const connection = useRef<EventConnection | null>(null);

  // One stream per provider, through its own proxy client that asks for the latest token: a new
  // `getAuthToken` function on each render (an inline arrow) does not reconnect; a new proxy URL
  // or fetch does.
  useEffect(() => {
    if (!events) {
      live.status.set('polling');
      return undefined;
    }
    const getToken = () => latest.current.getAuthToken?.();
    const api = createConsoleClient({ apiUrl, fetch, getAuthToken: getToken });
    const invalidate = createEventInvalidator(activeQueryClient);
    // Only the stream brings messages: the host hears each new one from a client, after the
    // console has refreshed what it touches, and a throw of its handler breaks nothing.
    const unlisten = live.listen((event) => {
      if (event.type === 'message' && event.data.kind === 'inbox') latest.current.onNewMessage?.(event);
    });
    const opened = connectEvents({
      stream: api.streamEvents,
      onEvent: (event) => {
        invalidate(event);
        live.receive(event);
      },
      onStatus: live.status.set,
      getToken,
    });
    connection.current = opened;
    return () => {
      unlisten();
      opened.close();
      connection.current = null;
    };
  }, [events, live, activeQueryClient, apiUrl, fetch, latest]);

  // A refused token is tried again as soon as the host hands over a new way to get one.
  // (On mount too, where it does nothing: nothing was refused yet.) The function is the
  // dependency: a new one from the host is the signal, though the effect does not call it.
  // oxlint-disable-next-line react/exhaustive-effect-dependencies
  useEffect(() => connection.current?.authChanged(), [getAuthToken]);

  const value = useMemo(() => ({ client, locale, frameHost, live }), [client, locale, frameHost, live]);
  return (
    <QueryClientProvider client={activeQueryClient}>
      <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>
    </QueryClientProvider>
  );
}

// As in useControllableState: the host's bundler replaces it, and drops the long message.
declare const process: { env: { NODE_ENV?: string } };

/** The context's `key`, which only a provider sets; throws outside one, saying how to fix it in development. */
function useProvided<K extends 'client' | 'live'>(key: K): NonNullable<ConsoleContextValue[K]> {
  const value = useConsoleContext()[key];
  if (!value) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? 'c2d-console: this component or hook needs a <ConsoleProvider apiUrl="/api"> above it'
        : 'c2d-console: no ConsoleProvider',
    );
  }
  return value as NonNullable<ConsoleContextValue[K]>;
}

/**
 * The proxy client of the nearest {@link ConsoleProvider}.
 * @throws Error outside a provider, saying how to fix it.
 */
export function useConsoleClient(): ConsoleClient {
  return useProvided('client');
}

/**
 * @internal The event stream side of the nearest {@link ConsoleProvider}.
 * @throws Error outside a provider, saying how to fix it.
 */
export function useLiveConsole(): LiveConsole {
  return useProvided('live');
}
