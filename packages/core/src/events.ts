import type { Transfer } from './types.js';

/**
 * The events `GET /events` streams (Server-Sent Events), one per thing that happened in
 * Chat2Desk as its webhooks told the proxy. Each carries an `id` that only grows; a reconnect
 * sends the last one seen (`Last-Event-ID`) and gets every newer event again.
 *
 * On the wire each is `id: <id>`, `event: <type>`, `data: <the whole event as JSON>`; a line
 * starting with `:` is a heartbeat comment.
 */
export type ConsoleEvent = ConsoleMessageEvent | ConsoleDialogEvent | ConsoleClientEvent | ConsoleTransferEvent | ConsoleResyncEvent;

/** What every event has. */
interface EventBase {
  /** Opaque, growing id: pass the last one seen as `Last-Event-ID` to resume. */
  id: string;
  /** When it happened in Chat2Desk (ISO 8601, UTC). */
  time: string;
}

/** A message arrived (`inbox`), was sent (`outbox`) or an internal note was left (`comment`). */
export interface ConsoleMessageEvent extends EventBase {
  type: 'message';
  data: {
    kind: 'inbox' | 'outbox' | 'comment';
    clientId: number;
    dialogId: number | null;
    messageId: number;
    /** Chat2Desk's message type (`from_client`, `to_client`, `comment`, ...). */
    messageType: string;
    text: string;
  };
}

/** A dialog was closed, reopened or handed to another operator. */
export interface ConsoleDialogEvent extends EventBase {
  type: 'dialog';
  data: {
    change: 'closed' | 'reopened' | 'transferred';
    dialogId: number;
    clientId: number | null;
    /** The dialog's operator after the change, when known. */
    operatorId: number | null;
  };
}

/** A client wrote for the first time, or their card changed. */
export interface ConsoleClientEvent extends EventBase {
  type: 'client';
  data: { change: 'new' | 'updated'; clientId: number };
}

/** A transfer was recorded (the same record `GET /transfers` serves). */
export interface ConsoleTransferEvent extends EventBase {
  type: 'transfer';
  data: Transfer;
}

/**
 * The proxy could not replay everything since the `Last-Event-ID` given (it is older than the
 * log keeps): treat every cached answer as stale.
 */
export interface ConsoleResyncEvent extends EventBase {
  type: 'resync';
  data: Record<string, never>;
}

/** The `type`s of {@link ConsoleEvent}, as the SSE `event:` field names them. */
export const CONSOLE_EVENT_TYPES: ReadonlyArray<ConsoleEvent['type']> = ['message', 'dialog', 'client', 'transfer', 'resync'];
