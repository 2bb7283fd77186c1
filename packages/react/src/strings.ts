import { clientCardStrings, type ClientCardStrings } from './clientCardStrings.js';
import { clientFrameStrings, type ClientFrameStrings } from './clientFrameStrings.js';
import { clientListStrings, type ClientListStrings } from './clientListStrings.js';
import { ENGLISH_CODE } from './ConsoleContext.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { dialogActionStrings, type DialogActionStrings } from './dialogActionStrings.js';
import { dialogListStrings, type DialogListStrings } from './dialogListStrings.js';
import { frameStrings, type FrameStrings } from './frameStrings.js';
import { historyStrings, type HistoryStrings } from './historyStrings.js';
import { sendStrings, type SendStrings } from './sendStrings.js';
import { stateStrings, type StateStrings } from './stateStrings.js';

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

/**
 * English, the built-in language, as one pack: what the widgets say when no `locale` is given,
 * and a base for a host's own pack (`{ code: 'kk-KZ', strings: { ...en.strings, ... } }`).
 */
// Pure, so bundlers drop it when a host never reads it: each widget imports its own group.
export const en: ConsoleLocale = /* @__PURE__ */ (() => ({
  code: ENGLISH_CODE,
  strings: {
    ...frameStrings,
    ...clientFrameStrings,
    ...clientListStrings,
    ...dialogListStrings,
    ...dialogActionStrings,
    ...clientCardStrings,
    ...historyStrings,
    ...sendStrings,
    ...stateStrings,
  },
}))();
