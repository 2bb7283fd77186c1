import type { Localized } from './Localized.js';

/** Strings of ClientDialogFrame (apart from DialogFrame's, so `DialogFrame` alone stays small). */
export interface ClientFrameStrings {
  clientFrameFinding: string;
  clientFrameNoDialog: string;
  clientFrameNoDialogText: string;
  clientFrameNoClient: (phone: string) => string;
  clientFrameError: string;
  clientFrameInvalid: string;
}

/** Strings of ClientDialogFrame, in English and Russian. */
export const clientFrameStrings: Localized<ClientFrameStrings> = {
  en: {
    clientFrameFinding: 'Finding the client’s dialog…',
    clientFrameNoDialog: 'No dialog with this client yet',
    clientFrameNoDialogText: 'It appears here once the client writes, or an operator writes to them.',
    clientFrameNoClient: (phone) => `No client has the phone ${phone}`,
    clientFrameError: 'Could not find the client’s dialog',
    clientFrameInvalid: 'Give ClientDialogFrame either a clientId (a positive integer) or a phone, not both',
  },
  ru: {
    clientFrameFinding: 'Ищем диалог клиента…',
    clientFrameNoDialog: 'С этим клиентом ещё нет диалога',
    clientFrameNoDialogText: 'Он появится здесь, когда клиент напишет или ему напишет оператор.',
    clientFrameNoClient: (phone) => `Нет клиента с телефоном ${phone}`,
    clientFrameError: 'Не удалось найти диалог клиента',
    clientFrameInvalid: 'Передайте ClientDialogFrame либо clientId (целое положительное число), либо phone, но не оба',
  },
};
