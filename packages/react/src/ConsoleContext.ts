import type { ConsoleClient } from '@c2d-console/core';
import { createContext, useContext, type Context } from 'react';
import type { LiveConsole } from './liveConsole.js';
import type { Locale, Localized } from './Localized.js';

/** What `ConsoleProvider` hands to every component and hook. */
export interface ConsoleContextValue {
  /** The proxy client; null outside a `ConsoleProvider` (only `DialogFrame` works there). */
  client: ConsoleClient | null;
  locale: Locale;
  /** Default Chat2Desk web host for `DialogFrame`. */
  frameHost: string | undefined;
  /** @internal The provider's event stream status, client activity and event handlers; null outside a provider. */
  live: LiveConsole | null;
}

/** @internal The console's React context; use `ConsoleProvider` to provide it. */
export const ConsoleContext: Context<ConsoleContextValue> = createContext<ConsoleContextValue>({
  client: null,
  locale: 'en',
  frameHost: undefined,
  live: null,
});

/** Reads the console context (defaults outside a provider). */
export function useConsoleContext(): ConsoleContextValue {
  return useContext(ConsoleContext);
}

/**
 * The entry of `dictionary` for the given locale, or the provider's. Components pass their own
 * group of strings, so a tree-shaken import ships only the strings it shows.
 */
export function useStrings<T>(dictionary: Localized<T>, locale?: Locale): T {
  const context = useContext(ConsoleContext);
  return dictionary[locale ?? context.locale] ?? dictionary.en;
}
