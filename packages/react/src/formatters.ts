import { ENGLISH_CODE, useLocale } from './ConsoleContext.js';
import type { ConsoleLocale } from './ConsoleLocale.js';

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
];

/** Builds the formatters of a BCP 47 language tag, e.g. a pack's `code` (Intl objects are created once). */
export function createFormatters(code: string = ENGLISH_CODE): ConsoleFormatters {
  const relative = new Intl.RelativeTimeFormat(code, { numeric: 'auto' });
  const dateTime = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(code, { timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(code, { day: 'numeric', month: 'short' });
  const number = new Intl.NumberFormat(code);
  return {
    relative(iso, now = Date.now()) {
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      // The largest unit that fits; under a minute, seconds ("now" at 0).
      const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
      return relative.format(Math.round(seconds / size), unit);
    },
    dateTime: (iso) => dateTime.format(new Date(iso)),
    short(iso, now = Date.now()) {
      const value = new Date(iso);
      return value.toDateString() === new Date(now).toDateString() ? time.format(value) : date.format(value);
    },
    number: (value) => number.format(value),
  };
}

/** Formatters by language tag: the Intl objects of a language are created once per page. */
const cache: Record<string, ConsoleFormatters> = {};

/** The formatters of a language tag, from the cache. */
function formattersOf(code: string): ConsoleFormatters {
  return (cache[code] ??= createFormatters(code));
}

/** The formatters of the given language pack, else of the provider's (English without one). */
export function useFormatters(locale?: ConsoleLocale): ConsoleFormatters {
  return formattersOf(useLocale(locale)?.code ?? ENGLISH_CODE);
}
