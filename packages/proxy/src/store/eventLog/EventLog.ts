import type { ConsoleEvent, ConsoleResyncEvent } from '@c2d-console/core';

/** A console event the log keeps: any but `resync`, which the stream makes itself. */
export type LoggedEvent = Exclude<ConsoleEvent, ConsoleResyncEvent>;

/** A {@link LoggedEvent} before the log gives it its id. */
export type ConsoleEventDraft = LoggedEvent extends infer Event ? (Event extends LoggedEvent ? Omit<Event, 'id'> : never) : never;

/** One accepted webhook delivery, as {@link EventLog.append} takes it. */
export interface EventLogEntry {
  /** Names the delivery across Chat2Desk's retries (e.g. `inbox:<message_id>`): a repeat is stored once. */
  dedupeKey: string;
  /** Chat2Desk's `hook_type`. */
  hookType: string;
  /** The delivery's JSON body as received, kept for debugging and replay. */
  payload: unknown;
  /** The console event derived from it, or `null` (an unknown hook type: stored, never streamed). */
  event: ConsoleEventDraft | null;
}

/** What {@link EventLog.append} answers. */
export interface AppendResult {
  /** The delivery's id; for a repeat, the id the first delivery got. */
  id: string;
  /** True when `dedupeKey` was seen before and nothing was stored. */
  duplicate: boolean;
}

/** What {@link EventLog.readAfter} answers. */
export interface ReadAfterResult {
  /** Events newer than the id asked for, oldest first, at most `limit`. */
  events: LoggedEvent[];
  /**
   * True when events after the id asked for may be missing: retention removed some, or the id
   * is not one this log gave (another store, a wiped data folder). `events` is then empty, and
   * the stream should send a `resync` and go on from {@link EventLog.lastId}.
   */
  gap: boolean;
}

/** A stored delivery, for debugging and replay. */
export interface StoredDelivery extends EventLogEntry {
  id: string;
  /** When the proxy accepted it (ISO 8601, UTC). */
  receivedAt: string;
}

/** Called with each event this instance appends, after it is committed. */
export type EventLogListener = (event: LoggedEvent) => void;

/**
 * The proxy's log of Chat2Desk webhook deliveries and the console events made from them; what
 * `GET /events` streams and replays after `Last-Event-ID`.
 *
 * Ids are opaque strings that only grow (the memory and SQLite logs: decimal integers; Redis:
 * stream ids), also across restarts of a durable log. Every method is async so that the same
 * interface fits a store across the network.
 */
export interface EventLog {
  /** Stores one delivery and its event, unless its `dedupeKey` was seen: see {@link AppendResult}. */
  append(entry: EventLogEntry): Promise<AppendResult>;
  /** Up to `limit` events after `afterId` (`null`: from the oldest kept), oldest first. */
  readAfter(afterId: string | null, limit: number): Promise<ReadAfterResult>;
  /** The newest id given so far (also when retention removed it), or `null` before the first. */
  lastId(): Promise<string | null>;
  /** The stored delivery with this id, or `undefined` (unknown, or removed by retention). */
  delivery(id: string): Promise<StoredDelivery | undefined>;
  /** Calls `listener` after each append on this instance that stored an event; returns the unsubscribe. */
  subscribe(listener: EventLogListener): () => void;
  /** Removes deliveries older than the retention, and dedupe keys past their own window; answers how many deliveries went. */
  prune(now?: number): Promise<number>;
  /** Releases the log; later calls throw. */
  close(): Promise<void>;
}
