import { createConsoleClient, type ConsoleClient, type ConsoleClientOptions } from '@c2d-console/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { ConsoleContext, useConsoleContext } from './ConsoleContext.js';
import { createConsoleQueryClient } from './createConsoleQueryClient.js';
import type { Locale } from './Localized.js';

/** Props of {@link ConsoleProvider}. */
export interface ConsoleProviderProps {
  /** Base URL of the c2d-console proxy, e.g. `/api`. */
  apiUrl: string;
  /** Returns the bearer token (JWT) the proxy expects, when it requires one. */
  getAuthToken?: ConsoleClientOptions['getAuthToken'];
  /** Language of every label, date and number: `'ru'` or `'en'` (default). */
  locale?: Locale;
  /** The host app's own `QueryClient`; one with the console's defaults is created if absent. */
  queryClient?: QueryClient;
  /** Default Chat2Desk web host for `DialogFrame`, e.g. `https://web.chat2desk.kz`. */
  frameHost?: string;
  /** A `fetch` to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
  children?: ReactNode;
}

/**
 * The one provider of the console: the proxy client, a TanStack `QueryClient`, the locale and
 * the default frame host. Wrap every console component and hook in it.
 */
export function ConsoleProvider({
  apiUrl,
  getAuthToken,
  locale = 'en',
  queryClient,
  frameHost,
  fetch,
  children,
}: ConsoleProviderProps): ReactElement {
  const [ownQueryClient] = useState(() => queryClient ?? createConsoleQueryClient());
  // Rebuilding the client is cheap and refetches nothing: query keys do not include it.
  const client = useMemo(
    () => createConsoleClient({ apiUrl, fetch, getAuthToken }),
    [apiUrl, fetch, getAuthToken],
  );
  const value = useMemo(() => ({ client, locale, frameHost }), [client, locale, frameHost]);
  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient}>
      <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>
    </QueryClientProvider>
  );
}

/**
 * The proxy client of the nearest {@link ConsoleProvider}.
 * @throws Error outside a provider, saying how to fix it.
 */
export function useConsoleClient(): ConsoleClient {
  const { client } = useConsoleContext();
  if (!client) {
    throw new Error(
      'c2d-console: this component or hook needs a <ConsoleProvider apiUrl="/api"> above it',
    );
  }
  return client;
}
