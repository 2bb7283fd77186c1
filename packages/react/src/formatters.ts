import { useMemo } from 'react';
import { useConsoleContext } from './ConsoleContext.js';
import type { Locale } from './Localized.js';

/** Locale-aware formatting of the console's dates and numbers (Intl, no dependencies). */
export interface ConsoleFormatters {
  /** "5 minutes ago" / "5 минут назад"; `now` defaults to the current time. */
  relative(iso: string, now?: number): string;
  /** Date and time, e.g. "1 Nov 2026, 14:05" / "1 нояб. 2026 г., 14:05". */
  dateTime(iso: string): string;
  /** Time of day when today, otherwise a short date; for compact lists. */
  short(iso: string, now?: number): string;
  /** A grouped number, e.g. "10,000" / "10 000". */
  number(value: number): string;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const tag = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** Builds the formatters of a locale (Intl objects are created once per locale). */
export function createFormatters(locale: Locale): ConsoleFormatters {
  const relative = new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto' });
  const dateTime = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(tag(locale), { timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'short' });
  const number = new Intl.NumberFormat(tag(locale));
  return {
    relative(iso, now = Date.now()) {
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size || unit === 'second') {
          return relative.format(Math.round(seconds / size), unit);
        }
      }
      return relative.format(0, 'second');
    },
    dateTime: (iso) => dateTime.format(new Date(iso)),
    short(iso, now = Date.now()) {
      const value = new Date(iso);
      return value.toDateString() === new Date(now).toDateString() ? time.format(value) : date.format(value);
    },
    number: (value) => number.format(value),
  };
}

const cache = new Map<Locale, ConsoleFormatters>();

/** The formatters of the given locale, or of the provider's. */
export function useFormatters(locale?: Locale): ConsoleFormatters {
  const context = useConsoleContext();
  const resolved = locale ?? context.locale;
  return useMemo(() => {
    let formatters = cache.get(resolved);
    if (!formatters) {
      formatters = createFormatters(resolved);
      cache.set(resolved, formatters);
    }
    return formatters;
  }, [resolved]);
}
