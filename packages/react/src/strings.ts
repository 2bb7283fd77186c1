import { clientCardStrings, type ClientCardStrings } from './clientCardStrings.js';
import { clientFrameStrings, type ClientFrameStrings } from './clientFrameStrings.js';
import { clientListStrings, type ClientListStrings } from './clientListStrings.js';
import { dialogActionStrings, type DialogActionStrings } from './dialogActionStrings.js';
import { dialogListStrings, type DialogListStrings } from './dialogListStrings.js';
import { frameStrings, type FrameStrings } from './frameStrings.js';
import { historyStrings, type HistoryStrings } from './historyStrings.js';
import type { Locale, Localized } from './Localized.js';
import { sendStrings, type SendStrings } from './sendStrings.js';
import { stateStrings, type StateStrings } from './stateStrings.js';

export type { Locale };

/** Every user-visible string of the console. Each component imports only its own group. */
export type ConsoleStrings = FrameStrings &
  ClientFrameStrings &
  ClientListStrings &
  DialogListStrings &
  DialogActionStrings &
  ClientCardStrings &
  HistoryStrings &
  SendStrings &
  StateStrings;

const merge = (locale: Locale): ConsoleStrings => ({
  ...frameStrings[locale],
  ...clientFrameStrings[locale],
  ...clientListStrings[locale],
  ...dialogListStrings[locale],
  ...dialogActionStrings[locale],
  ...clientCardStrings[locale],
  ...historyStrings[locale],
  ...sendStrings[locale],
  ...stateStrings[locale],
});

/** All strings of each locale, for hosts that want to show or test them. */
// Pure, so bundlers drop it (and every group's strings) when a host never reads it.
export const consoleStrings: Localized<ConsoleStrings> = {
  en: /* @__PURE__ */ merge('en'),
  ru: /* @__PURE__ */ merge('ru'),
};
