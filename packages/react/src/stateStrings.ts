import type { Localized } from './Localized.js';

/** Strings of the states every widget shares (`ErrorState`). */
export interface StateStrings {
  retry: string;
}

/** Strings of the shared states, in English and Russian. */
export const stateStrings: Localized<StateStrings> = {
  en: { retry: 'Retry' },
  ru: { retry: 'Повторить' },
};
