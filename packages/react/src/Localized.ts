/** Locales the console speaks. */
export type Locale = 'ru' | 'en';

/** A dictionary with one entry per locale. */
export type Localized<T> = Record<Locale, T>;
