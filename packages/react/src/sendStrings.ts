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
  /** The proxy refused: this seat may not send this (the proxy's message names the right). */
  sendRefused: (reason: string) => string;
  /** The Reply / Note switch. */
  sendKind: string;
  sendKinds: Record<'to_client' | 'comment', string>;
  notePlaceholder: string;
  noteButton: string;
  quickReplies: string;
  /** Said when the list opens or narrows: how many match, and the keys. */
  quickRepliesFound: (count: number) => string;
  quickRepliesNone: string;
  attach: string;
  /** The limits, said before a file is picked: "Up to 20 MB: photos, video, …". */
  attachLimits: (maxSize: string, accept: string | null) => string;
  attachUploading: (name: string) => string;
  attachRemove: (name: string) => string;
  attachTooBig: (name: string, maxSize: string) => string;
  attachWrongType: (name: string) => string;
  attachFailed: (name: string, reason: string) => string;
}

/** Strings of SendMessageForm, in English and Russian. */
export const sendStrings: Localized<SendStrings> = {
  en: {
    sendLabel: 'Message',
    sendPlaceholder: 'Write a message… Enter sends, Shift+Enter adds a line, / quick replies',
    sendButton: 'Send',
    sendSending: 'Sending…',
    sendChannel: 'Channel',
    sendFailed: (reason) => `Not sent: ${reason}. Your text is kept, try again.`,
    sendUnconfirmed: (reason) =>
      `Not confirmed: ${reason}. The message may still have been delivered: check the history before sending it again. Your text is kept.`,
    sendTooLong: (length, max) => `Too long: ${length} of ${max} characters`,
    sendRefused: (reason) => `Not allowed: ${reason}. Your text is kept.`,
    sendKind: 'Write',
    sendKinds: { to_client: 'Reply', comment: 'Note' },
    notePlaceholder: 'Internal note: only operators see it…',
    noteButton: 'Add note',
    quickReplies: 'Quick replies',
    quickRepliesFound: (count) => `${count} quick ${count === 1 ? 'reply' : 'replies'}: arrows choose, Enter inserts, Escape closes`,
    quickRepliesNone: 'No quick reply matches',
    attach: 'Attach a file',
    attachLimits: (size, accept) => `Up to ${size}: ${accept ?? 'photos, video, audio, PDF, documents'}`,
    attachUploading: (name) => `Uploading ${name}…`,
    attachRemove: (name) => `Remove ${name}`,
    attachTooBig: (name, size) => `${name} is larger than ${size}`,
    attachWrongType: (name) => `${name}: this kind of file cannot be attached`,
    attachFailed: (name, reason) => `Could not upload ${name}: ${reason}`,
  },
  ru: {
    sendLabel: 'Сообщение',
    sendPlaceholder: 'Напишите сообщение… Enter — отправить, Shift+Enter — новая строка, / — быстрые ответы',
    sendButton: 'Отправить',
    sendSending: 'Отправляем…',
    sendChannel: 'Канал',
    sendFailed: (reason) => `Не отправлено: ${reason}. Текст сохранён, попробуйте ещё раз.`,
    sendUnconfirmed: (reason) =>
      `Не подтверждено: ${reason}. Сообщение могло дойти: проверьте историю, прежде чем отправлять снова. Текст сохранён.`,
    sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
    sendRefused: (reason) => `Нет прав: ${reason}. Текст сохранён.`,
    sendKind: 'Что пишем',
    sendKinds: { to_client: 'Ответ', comment: 'Заметка' },
    notePlaceholder: 'Внутренняя заметка: её видят только операторы…',
    noteButton: 'Добавить заметку',
    quickReplies: 'Быстрые ответы',
    quickRepliesFound: (count) => `Быстрых ответов: ${count}. Стрелки — выбрать, Enter — вставить, Esc — закрыть`,
    quickRepliesNone: 'Нет подходящих быстрых ответов',
    attach: 'Прикрепить файл',
    attachLimits: (size, accept) => `До ${size}: ${accept ?? 'фото, видео, аудио, PDF, документы'}`,
    attachUploading: (name) => `Загружаем ${name}…`,
    attachRemove: (name) => `Убрать ${name}`,
    attachTooBig: (name, size) => `${name} больше ${size}`,
    attachWrongType: (name) => `${name}: такой файл прикрепить нельзя`,
    attachFailed: (name, reason) => `Не удалось загрузить ${name}: ${reason}`,
  },
};
