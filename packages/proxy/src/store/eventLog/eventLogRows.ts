import type { EventLogEntry, LoggedEvent, StoredDelivery } from './EventLog.js';

/** A delivery as the memory and SQLite logs keep it: its JSON parts as text. */
export interface EncodedEntry {
  hookType: string;
  payload: string;
  /** The event's JSON without its id, or `null`. */
  event: string | null;
}

/**
 * Checks an entry and turns its JSON parts into text. Both logs store text, so what comes back
 * is what JSON can carry, whichever log kept it.
 */
export function encodeEntry(entry: EventLogEntry): EncodedEntry {
  if (typeof entry.dedupeKey !== 'string' || entry.dedupeKey === '') {
    throw new TypeError('event log entry needs a non-empty dedupeKey (e.g. `${hook_type}:${message_id}`)');
  }
  if (typeof entry.hookType !== 'string' || entry.hookType === '') {
    throw new TypeError('event log entry needs a non-empty hookType (the delivery\'s hook_type)');
  }
  const payload = JSON.stringify(entry.payload) as string | undefined;
  if (payload === undefined) throw new TypeError('event log entry payload must be JSON (the delivery body as parsed)');
  return { hookType: entry.hookType, payload, event: entry.event === null ? null : JSON.stringify(entry.event) };
}

/** The logged event with id `id` from its stored JSON. */
export function decodeEvent(id: number, eventJson: string): LoggedEvent {
  return { id: String(id), ...(JSON.parse(eventJson) as Omit<LoggedEvent, 'id'>) } as LoggedEvent;
}

/** A stored delivery from its stored parts. */
export function decodeDelivery(id: number, dedupeKey: string, receivedAt: number, encoded: EncodedEntry): StoredDelivery {
  return {
    id: String(id),
    dedupeKey,
    hookType: encoded.hookType,
    payload: JSON.parse(encoded.payload) as unknown,
    event: encoded.event === null ? null : (JSON.parse(encoded.event) as StoredDelivery['event']),
    receivedAt: new Date(receivedAt).toISOString(),
  };
}
