import type { ConsoleStrings } from './strings.js';

/**
 * A language pack: everything the console says, and the language tag its dates, numbers and
 * plurals follow. English is built in; other languages are imported on their own, so a host
 * ships only the languages it shows: `import { ru } from '@c2d-console/react/locales/ru'`, then
 * `<ConsoleProvider locale={ru}>`. A host can write its own pack the same way.
 */
export interface ConsoleLocale {
  /** BCP 47 tag for `Intl` (dates, numbers, plural rules), e.g. `'ru-RU'`. */
  code: string;
  strings: ConsoleStrings;
}
