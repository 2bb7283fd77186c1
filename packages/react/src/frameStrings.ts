/** Strings of DialogFrame and DialogModeSwitch. */
export interface FrameStrings {
  frameTitle: (dialogId: number | undefined) => string;
  frameLoading: string;
  frameTimeoutTitle: string;
  frameTimeoutReason: string;
  frameOpenInChat2Desk: string;
  /** Said after "Open in Chat2Desk" in the toolbar, to screen readers. */
  frameNewTab: string;
  frameRetry: string;
  frameInvalid: string;
  modeSwitchLabel: string;
  modeLabels: Record<1 | 2 | 3, string>;
  modeHints: Record<1 | 2 | 3, string>;
}

/** Strings of DialogFrame and DialogModeSwitch, in English (built in; other languages are packs: `locales/`). */
export const frameStrings: FrameStrings = {
  frameTitle: (id) => (id ? `Chat2Desk dialog ${id}` : 'Chat2Desk dialogs'),
  frameLoading: 'Loading Chat2Desk…',
  frameTimeoutTitle: 'Chat2Desk did not open here',
  frameTimeoutReason: 'You may need to log in, or this browser blocks third-party cookies in frames.',
  frameOpenInChat2Desk: 'Open in Chat2Desk',
  frameNewTab: '(new tab)',
  frameRetry: 'Try again',
  frameInvalid: 'Cannot show this dialog',
  modeSwitchLabel: 'Dialog view',
  modeLabels: { 1: 'Full', 2: 'Dialog', 3: 'Read-only' },
  modeHints: {
    1: 'Chat2Desk without its menu',
    2: 'This dialog, with replies',
    3: 'This dialog, read-only',
  },
};
