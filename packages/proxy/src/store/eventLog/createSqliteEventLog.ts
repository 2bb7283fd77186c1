import type { SqliteDatabase } from '../sqlite/SqliteDatabase.js';
import type { EventLog, LoggedEvent } from './EventLog.js';
import { createListenerSet } from './createListenerSet.js';
import { checkReadLimit, parseEventId, readPosition } from './eventIds.js';
import { type EventLogOptions, resolveEventLogOptions } from './eventLogOptions.js';
import { decodeDelivery, decodeEvent, encodeEntry } from './eventLogRows.js';

const PRUNED_THROUGH = 'event_log.pruned_through';

interface DeliveryRow {
  id: number;
  received_at: number;
  dedupe_key: string;
  hook_type: string;
  payload: string;
  event: string | null;
}

/**
 * An {@link EventLog} in a SQLite database opened by `openSqliteDatabase` (the caller closes
 * the database): durable across restarts, for one proxy process. Listeners hear only the
 * appends of this process.
 */
export function createSqliteEventLog(db: SqliteDatabase, options: EventLogOptions = {}): EventLog {
  const settings = resolveEventLogOptions(options);
  const listeners = createListenerSet<LoggedEvent>(settings.onListenerError);
  const sql = {
    findKey: db.prepare('SELECT event_id FROM event_dedupe WHERE key = ?'),
    insertDelivery: db.prepare('INSERT INTO event_log (received_at, dedupe_key, hook_type, payload, event) VALUES (?, ?, ?, ?, ?)'),
    insertKey: db.prepare('INSERT INTO event_dedupe (key, event_id, received_at) VALUES (?, ?, ?)'),
    eventsAfter: db.prepare('SELECT id, event FROM event_log WHERE id > ? AND event IS NOT NULL ORDER BY id LIMIT ?'),
    delivery: db.prepare('SELECT * FROM event_log WHERE id = ?'),
    // AUTOINCREMENT keeps the highest id ever given here, even once its row is gone.
    lastGiven: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'event_log'"),
    prunedThrough: db.prepare('SELECT value FROM store_meta WHERE key = ?'),
    setPrunedThrough: db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    newestBefore: db.prepare('SELECT max(id) AS id FROM event_log WHERE received_at < ?'),
    deleteThrough: db.prepare('DELETE FROM event_log WHERE id <= ?'),
    deleteKeysBefore: db.prepare('DELETE FROM event_dedupe WHERE received_at < ?'),
  };
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the event log is closed');
  };
  const lastGiven = () => (sql.lastGiven.get() as { seq: number } | undefined)?.seq ?? 0;
  const prunedThrough = () => Number((sql.prunedThrough.get(PRUNED_THROUGH) as { value: string } | undefined)?.value ?? 0);

  const append = db.transaction((dedupeKey: string, receivedAt: number, hookType: string, payload: string, event: string | null) => {
    const seen = sql.findKey.get(dedupeKey) as { event_id: number } | undefined;
    if (seen) return { id: seen.event_id, duplicate: true };
    const id = Number(sql.insertDelivery.run(receivedAt, dedupeKey, hookType, payload, event).lastInsertRowid);
    sql.insertKey.run(dedupeKey, id, receivedAt);
    return { id, duplicate: false };
  });

  const prune = db.transaction((now: number) => {
    // A prefix, up to the newest row older than the retention: every id after the mark is
    // still here, which is what makes a gap detectable.
    const newest = (sql.newestBefore.get(now - settings.retentionMs) as { id: number | null }).id;
    let removed = 0;
    if (newest !== null) {
      removed = sql.deleteThrough.run(newest).changes;
      sql.setPrunedThrough.run(PRUNED_THROUGH, String(Math.max(newest, prunedThrough())));
    }
    sql.deleteKeysBefore.run(now - settings.dedupeRetentionMs);
    return removed;
  });

  return {
    async append(entry) {
      checkOpen();
      const encoded = encodeEntry(entry);
      const result = append(entry.dedupeKey, settings.now(), encoded.hookType, encoded.payload, encoded.event);
      // After the commit: a listener never sees an event that a failed transaction undid.
      if (!result.duplicate && encoded.event !== null) listeners.emit(decodeEvent(result.id, encoded.event));
      return { id: String(result.id), duplicate: result.duplicate };
    },

    async readAfter(afterId, limit) {
      checkOpen();
      checkReadLimit(limit);
      const position = readPosition(afterId, prunedThrough(), lastGiven());
      if (position === 'gap') return { events: [], gap: true };
      const rows = sql.eventsAfter.all(position.after, limit) as Array<{ id: number; event: string }>;
      return { events: rows.map((row) => decodeEvent(row.id, row.event)), gap: false };
    },

    async lastId() {
      checkOpen();
      const id = lastGiven();
      return id === 0 ? null : String(id);
    },

    async delivery(id) {
      checkOpen();
      const sequence = parseEventId(id);
      if (sequence === undefined) return undefined;
      const row = sql.delivery.get(sequence) as DeliveryRow | undefined;
      if (!row) return undefined;
      return decodeDelivery(row.id, row.dedupe_key, row.received_at, { hookType: row.hook_type, payload: row.payload, event: row.event });
    },

    subscribe(listener) {
      checkOpen();
      return listeners.subscribe(listener);
    },

    async prune(now = settings.now()) {
      checkOpen();
      return prune(now);
    },

    async close() {
      closed = true;
      listeners.clear();
    },
  };
}
