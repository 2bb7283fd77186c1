import type { ConsoleClient } from '@c2d-console/core';
import { createContext, useContext, type Context } from 'react';
import type { ConsoleLocale } from './ConsoleLocale.js';
import type { LiveConsole } from './liveConsole.js';
import type { ConsoleStrings } from './strings.js';

// As in useControllableState: the host's bundler replaces it, and drops the development check.
declare const process: { env: { NODE_ENV?: string } };

/** What `ConsoleProvider` hands to every component and hook. */
export interface ConsoleContextValue {
  /** The proxy client; null outside a `ConsoleProvider` (only `DialogFrame` works there). */
  client: ConsoleClient | null;
  /** The provider's language pack; undefined for the built-in English. */
  locale?: ConsoleLocale | undefined;
  /** Default Chat2Desk web host for `DialogFrame`. */
  frameHost?: string | undefined;
  /** @internal The provider's event stream status, client activity and event handlers; null outside a provider. */
  live: LiveConsole | null;
}

/** @internal The console's React context; use `ConsoleProvider` to provide it. */
export const ConsoleContext: Context<ConsoleContextValue> = createContext<ConsoleContextValue>({ client: null, live: null });

/** Reads the console context (defaults outside a provider). */
export function useConsoleContext(): ConsoleContextValue {
  return useContext(ConsoleContext);
}

/** The language tag of the built-in English (British dates: "1 Nov 2026, 14:05"). */
export const ENGLISH_CODE = 'en-GB';

/**
 * @internal The language pack in effect: the given one, else the provider's; undefined for the
 * built-in English.
 */
export function useLocale(locale?: ConsoleLocale): ConsoleLocale | undefined {
  const resolved = useContext(ConsoleContext).locale;
  const pack = locale ?? resolved;
  if (process.env.NODE_ENV !== 'production' && typeof pack === 'string') {
    // JavaScript hosts get no type error for `locale="ru"`, which would otherwise show English.
    throw new TypeError(
      `c2d-console: locale="${pack}" is not a language pack. English is built in (leave locale out); ` +
        "for another language import its pack and pass it: import { ru } from '@c2d-console/react/locales/ru', then locale={ru}",
    );
  }
  return pack;
}

/**
 * A widget's strings in the language in effect (the given pack, else the provider's): the pack's,
 * or the English `group` the widget imports, so a tree-shaken import ships only the English it
 * shows. E.g. `useStrings(en.strings).retry`.
 */
export function useStrings<K extends keyof ConsoleStrings>(
  group: Pick<ConsoleStrings, K>,
  locale?: ConsoleLocale,
): Pick<ConsoleStrings, K> {
  return useLocale(locale)?.strings ?? group;
}
