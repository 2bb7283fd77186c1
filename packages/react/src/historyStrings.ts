import { plural } from './plural.js';

/** Strings of TransferHistory and MessageHistory. */
export interface HistoryStrings {
  transfersLabel: string;
  transfersLoading: string;
  transfersEmpty: string;
  transfersError: string;
  transfersMore: string;
  transfersMoreError: string;
  transferQueue: string;
  /** Read between the two operators of a transfer by screen readers. */
  transferHandedTo: string;
  /** In place of the time of a transfer the proxy has not confirmed yet. */
  transferPending: string;
  operatorFallback: (id: number) => string;
  messagesLabel: string;
  messagesLoading: string;
  messagesEmpty: string;
  messagesError: string;
  messagesOlder: string;
  messagesLoadingOlder: string;
  messagesOlderError: string;
  /** Who wrote a message, by its Chat2Desk type. */
  messageAuthor: Record<'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment', string>;
  messageSending: string;
  /** New messages below the reader's view, or arrived at once: "3 new messages"; `formatted` is `count` in the locale. */
  messagesNew: (count: number, formatted: string) => string;
  /** Announced for one new message from the client; `name` is unknown until the client is loaded. */
  messageNewFrom: (name: string | undefined, text: string) => string;
}

/** Strings of TransferHistory and MessageHistory, in English (built in; other languages are packs: `locales/`). */
export const historyStrings: HistoryStrings = {
  transfersLabel: 'Transfer history',
  transfersLoading: 'Loading transfers…',
  transfersEmpty: 'This dialog has not been transferred yet',
  transfersError: 'Could not load transfers',
  transfersMore: 'Show more',
  transfersMoreError: 'Could not load more transfers',
  transferQueue: 'Queue',
  transferHandedTo: 'to',
  transferPending: 'Transferring…',
  operatorFallback: (id) => `Operator #${id}`,
  messagesLabel: 'Messages',
  messagesLoading: 'Loading messages…',
  messagesEmpty: 'No messages yet',
  messagesError: 'Could not load messages',
  messagesOlder: 'Load older messages',
  messagesLoadingOlder: 'Loading older messages…',
  messagesOlderError: 'Could not load older messages',
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
};
