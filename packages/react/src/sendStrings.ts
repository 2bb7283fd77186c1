import type { Localized } from './Localized.js';

/** Strings of SendMessageForm. */
export interface SendStrings {
  sendLabel: string;
  sendPlaceholder: string;
  sendButton: string;
  sendSending: string;
  sendChannel: string;
  sendFailed: (reason: string) => string;
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
    sendTooLong: (length, max) => `Too long: ${length} of ${max} characters`,
  },
  ru: {
    sendLabel: 'Сообщение',
    sendPlaceholder: 'Напишите сообщение… Enter — отправить, Shift+Enter — новая строка',
    sendButton: 'Отправить',
    sendSending: 'Отправляем…',
    sendChannel: 'Канал',
    sendFailed: (reason) => `Не отправлено: ${reason}. Текст сохранён, попробуйте ещё раз.`,
    sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
  },
};
