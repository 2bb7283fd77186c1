import type { EventLog, LoggedEvent } from './EventLog.js';
import { createListenerSet } from './createListenerSet.js';
import { checkReadLimit, parseEventId, readPosition } from './eventIds.js';
import { type EventLogOptions, resolveEventLogOptions } from './eventLogOptions.js';
import { decodeDelivery, decodeEvent, type EncodedEntry, encodeEntry } from './eventLogRows.js';

interface Row extends EncodedEntry {
  id: number;
  dedupeKey: string;
  receivedAt: number;
}

/** An {@link EventLog} in this process's memory: for tests, and for a proxy that keeps nothing across restarts. */
export function createMemoryEventLog(options: EventLogOptions = {}): EventLog {
  const settings = resolveEventLogOptions(options);
  const listeners = createListenerSet<LoggedEvent>(settings.onListenerError);
  const rows: Row[] = []; // ascending ids
  const dedupe = new Map<string, { id: number; receivedAt: number }>();
  let lastGiven = 0;
  let prunedThrough = 0;
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the event log is closed');
  };

  /** Index of the first row with an id above `id` (rows are sorted by id). */
  const firstAbove = (id: number) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((rows[middle] as Row).id <= id) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    async append(entry) {
      checkOpen();
      const encoded = encodeEntry(entry);
      const seen = dedupe.get(entry.dedupeKey);
      if (seen) return { id: String(seen.id), duplicate: true };
      const row: Row = { id: ++lastGiven, dedupeKey: entry.dedupeKey, receivedAt: settings.now(), ...encoded };
      rows.push(row);
      dedupe.set(row.dedupeKey, { id: row.id, receivedAt: row.receivedAt });
      if (row.event !== null) listeners.emit(decodeEvent(row.id, row.event));
      return { id: String(row.id), duplicate: false };
    },

    async readAfter(afterId, limit) {
      checkOpen();
      checkReadLimit(limit);
      const position = readPosition(afterId, prunedThrough, lastGiven);
      if (position === 'gap') return { events: [], gap: true };
      const events: LoggedEvent[] = [];
      for (let index = firstAbove(position.after); index < rows.length && events.length < limit; index++) {
        const row = rows[index] as Row;
        if (row.event !== null) events.push(decodeEvent(row.id, row.event));
      }
      return { events, gap: false };
    },

    async lastId() {
      checkOpen();
      return lastGiven === 0 ? null : String(lastGiven);
    },

    async delivery(id) {
      checkOpen();
      const sequence = parseEventId(id);
      if (sequence === undefined) return undefined;
      const row = rows[firstAbove(sequence - 1)];
      return row?.id === sequence ? decodeDelivery(row.id, row.dedupeKey, row.receivedAt, row) : undefined;
    },

    subscribe(listener) {
      checkOpen();
      return listeners.subscribe(listener);
    },

    async prune(now = settings.now()) {
      checkOpen();
      // Remove a prefix, up to the newest row older than the retention, so that every id
      // after `prunedThrough` is still here (that is what makes a gap detectable).
      const cutoff = now - settings.retentionMs;
      let end = 0;
      for (let index = 0; index < rows.length; index++) if ((rows[index] as Row).receivedAt < cutoff) end = index + 1;
      if (end > 0) {
        prunedThrough = Math.max(prunedThrough, (rows[end - 1] as Row).id);
        rows.splice(0, end);
      }
      const dedupeCutoff = now - settings.dedupeRetentionMs;
      for (const [key, seen] of dedupe) if (seen.receivedAt < dedupeCutoff) dedupe.delete(key);
      return end;
    },

    async close() {
      closed = true;
      listeners.clear();
    },
  };
}
