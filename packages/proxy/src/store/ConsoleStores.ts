import type { ClientIndex } from './clientIndex/ClientIndex.js';
import type { EventLog } from './eventLog/EventLog.js';
import type { TransferStore } from './transfers/TransferStore.js';

/** The three stores behind the live console: events, transfer history, client name search. */
export interface ConsoleStores {
  eventLog: EventLog;
  transfers: TransferStore;
  clientIndex: ClientIndex;
  /** Closes the three stores and what holds them. */
  close(): Promise<void>;
}

/** Options of {@link createMemoryStores} and `createEmbeddedStores`. */
export interface ConsoleStoresOptions {
  /** How long events are kept, in milliseconds (default a week); transfers and clients are kept for good. */
  eventRetentionMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Receives what an event log listener threw (default `console.error`). */
  onListenerError?: (error: unknown) => void;
}
