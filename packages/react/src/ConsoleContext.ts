import type { ConsoleClient } from '@c2d-console/core';
import { createContext, useContext, type Context } from 'react';
import { consoleStrings, type ConsoleStrings, type Locale } from './strings.js';

/** What `ConsoleProvider` hands to every component and hook. */
export interface ConsoleContextValue {
  /** The proxy client; null outside a `ConsoleProvider` (only `DialogFrame` works there). */
  client: ConsoleClient | null;
  locale: Locale;
  /** Default Chat2Desk web host for `DialogFrame`. */
  frameHost: string | undefined;
}

/** @internal The console's React context; use `ConsoleProvider` to provide it. */
export const ConsoleContext: Context<ConsoleContextValue> = createContext<ConsoleContextValue>({
  client: null,
  locale: 'en',
  frameHost: undefined,
});

/** Reads the console context (defaults outside a provider). */
export function useConsoleContext(): ConsoleContextValue {
  return useContext(ConsoleContext);
}

/** The strings of the given locale, or of the provider's locale. */
export function useStrings(locale?: Locale): ConsoleStrings {
  const context = useContext(ConsoleContext);
  return consoleStrings[locale ?? context.locale] ?? consoleStrings.en;
}
