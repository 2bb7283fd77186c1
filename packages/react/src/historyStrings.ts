import { plural } from './plural.js';

/** Strings of TransferHistory and MessageHistory. */
export interface HistoryStrings {
  transfersLabel: string;
  transfersLoading: string;
  transfersEmpty: string;
  /** Also when a further page fails. */
  transfersError: string;
  transfersMore: string;
  transferQueue: string;
  /** Read between the two operators of a transfer by screen readers. */
  transferHandedTo: string;
  /** In place of the time of a transfer the proxy has not confirmed yet. */
  transferPending: string;
  operatorFallback: (id: number) => string;
  messagesLabel: string;
  /** Also while older messages load. */
  messagesLoading: string;
  messagesEmpty: string;
  /** Also when older messages fail. */
  messagesError: string;
  messagesOlder: string;
  /** Who wrote a message, by its Chat2Desk type. */
  messageAuthor: Record<'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment', string>;
  messageSending: string;
  /** New messages below the reader's view, or arrived at once: "3 new messages"; `formatted` is `count` in the locale. */
  messagesNew: (count: number, formatted: string) => string;
  /** Announced for one new message from the client; `name` is unknown until the client is loaded. */
  messageNewFrom: (name: string | undefined, text: string) => string;
  /** A message of a type the console does not know, by Chat2Desk's own name for it. */
  messageUnknownType: (type: string) => string;
  /**
   * What a message carries: a photo's alternative text (before its file name, when known), a
   * player's name, a file's name when neither Chat2Desk nor its URL gives one, a place's label.
   */
  mediaKinds: Record<'photo' | 'pdf' | 'file' | 'audio' | 'video' | 'location', string>;
  /** Said after a photo: its link opens the full-size picture. */
  mediaFullSize: string;
  /** Said after a link that opens in a new tab. */
  mediaNewTab: string;
}

/** Strings of TransferHistory and MessageHistory, in English (built in; other languages are packs: `locales/`). */
export const historyStrings: HistoryStrings = {
  transfersLabel: 'Transfer history',
  transfersLoading: 'Loading transfers…',
  transfersEmpty: 'No transfers yet',
  transfersError: 'Could not load transfers',
  transfersMore: 'Show more',
  transferQueue: 'Queue',
  transferHandedTo: 'to',
  transferPending: 'Transferring…',
  operatorFallback: (id) => `Operator #${id}`,
  messagesLabel: 'Messages',
  messagesLoading: 'Loading messages…',
  messagesEmpty: 'No messages yet',
  messagesError: 'Could not load messages',
  messagesOlder: 'Load older messages',
  messageAuthor: {
    from_client: 'Client',
    to_client: 'Operator',
    system: 'System',
    autoreply: 'Auto-reply',
    comment: 'Internal note',
  },
  messageSending: 'Sending…',
  messagesNew: (count, formatted) => `${formatted} ${plural('en', count, { one: 'new message', other: 'new messages' })}`,
  messageNewFrom: (name, text) => `New message from ${name ?? 'the client'}: ${text}`,
  messageUnknownType: (type) => `Unsupported message (${type}): see it in Chat2Desk`,
  mediaKinds: { photo: 'Photo', pdf: 'PDF document', file: 'File', audio: 'Audio message', video: 'Video', location: 'Location' },
  mediaFullSize: '(full size, new tab)',
  mediaNewTab: '(new tab)',
};
