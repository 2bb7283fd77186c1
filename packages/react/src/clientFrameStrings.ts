/** Strings of ClientDialogFrame (apart from DialogFrame's, so `DialogFrame` alone stays small). */
export interface ClientFrameStrings {
  clientFrameFinding: string;
  clientFrameNoDialog: string;
  clientFrameNoDialogText: string;
  clientFrameNoClient: (phone: string) => string;
  clientFrameError: string;
}

/** Strings of ClientDialogFrame, in English (built in; other languages are packs: `locales/`). */
export const clientFrameStrings: ClientFrameStrings = {
  clientFrameFinding: 'Finding the client’s dialog…',
  clientFrameNoDialog: 'No dialog with this client yet',
  clientFrameNoDialogText: 'It appears once the client or an operator writes.',
  clientFrameNoClient: (phone) => `No client has the phone ${phone}`,
  clientFrameError: 'Could not find the client’s dialog',
};
