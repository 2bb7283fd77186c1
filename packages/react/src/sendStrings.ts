import type { Localized } from './Localized.js';

/** Strings of SendMessageForm. */
export interface SendStrings {
  sendLabel: string;
  sendPlaceholder: string;
  sendButton: string;
  sendSending: string;
  sendChannel: string;
  sendFailed: (reason: string) => string;
  /** After a failure that does not prove the message stayed unsent (timeout, 5xx, lost answer). */
  sendUnconfirmed: (reason: string) => string;
  sendTooLong: (length: number, max: number) => string;
}

/** Strings of SendMessageForm, in English and Russian. */
export const sendStrings: Localized<SendStrings> = {
  en: {
    sendLabel: 'Message',
    sendPlaceholder: 'Write a message… Enter sends, Shift+Enter adds a line',
    sendButton: 'Send',
    sendSending: 'Sending…',
    sendChannel: 'Channel',
    sendFailed: (reason) => `Not sent: ${reason}. Your text is kept, try again.`,
    sendUnconfirmed: (reason) =>
      `Not confirmed: ${reason}. The message may still have been delivered: check the history before sending it again. Your text is kept.`,
    sendTooLong: (length, max) => `Too long: ${length} of ${max} characters`,
  },
  ru: {
    sendLabel: 'Сообщение',
    sendPlaceholder: 'Напишите сообщение… Enter — отправить, Shift+Enter — новая строка',
    sendButton: 'Отправить',
    sendSending: 'Отправляем…',
    sendChannel: 'Канал',
    sendFailed: (reason) => `Не отправлено: ${reason}. Текст сохранён, попробуйте ещё раз.`,
    sendUnconfirmed: (reason) =>
      `Не подтверждено: ${reason}. Сообщение могло дойти: проверьте историю, прежде чем отправлять снова. Текст сохранён.`,
    sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
  },
};
