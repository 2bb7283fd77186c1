/* oxlint-disable no-await-in-loop -- appends and cleanups run in order on purpose: ids must grow in that order */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEventDraft, EventLog, EventLogEntry } from './EventLog.js';
import type { EventLogOptions } from './eventLogOptions.js';
import { createMemoryEventLog } from './createMemoryEventLog.js';
import { createSqliteEventLog } from './createSqliteEventLog.js';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';
import type { SqliteDatabase } from '../sqlite/SqliteDatabase.js';
import { createRedisEventLog } from '../redis/createRedisEventLog.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A console event as the webhook route would make it from an `inbox` delivery. */
function messageEvent(messageId: number): ConsoleEventDraft {
  return {
    type: 'message',
    time: '2026-11-02T10:00:00.000Z',
    data: { kind: 'inbox', clientId: 7, dialogId: 3, messageId, messageType: 'from_client', text: `hello ${messageId}` },
  };
}

function inbox(messageId: number): EventLogEntry {
  return {
    dedupeKey: `inbox:${messageId}`,
    hookType: 'inbox',
    payload: { hook_type: 'inbox', message_id: messageId, text: `hello ${messageId}` },
    event: messageEvent(messageId),
  };
}

const unknownHook = (n: number): EventLogEntry => ({ dedupeKey: `mystery:${n}`, hookType: 'mystery', payload: { hook_type: 'mystery', n }, event: null });

type OpenLog = (options?: EventLogOptions) => Promise<EventLog>;

const redis = setupTestRedis();

/**
 * Whether id `a` comes after id `b`. Ids are opaque but ordered: decimal integers (memory,
 * SQLite) or stream ids `<ms>-<seq>` (Redis).
 */
function isAfter(a: string, b: string): boolean {
  const [aHigh = 0, aLow = 0] = a.split('-').map(Number);
  const [bHigh = 0, bLow = 0] = b.split('-').map(Number);
  return aHigh === bHigh ? aLow > bLow : aHigh > bHigh;
}

const implementations: Array<[string, (cleanups: Array<() => unknown>) => OpenLog]> = [
  ['memory', () => async (options) => createMemoryEventLog(options)],
  [
    'SQLite',
    (cleanups) => async (options) => {
      const db: SqliteDatabase = await openSqliteDatabase(':memory:');
      cleanups.push(() => db.close());
      return createSqliteEventLog(db, options);
    },
  ],
  [
    'Redis',
    (cleanups) => async (options) => {
      const connection = await redis.connect();
      const log = createRedisEventLog({ ...options, connection, namespace: redis.namespace(), openFollowerConnection: () => connection.duplicate('test events') });
      cleanups.push(() => log.close());
      return log;
    },
  ],
];

describe.each(implementations)('EventLog contract: %s', (_name, makeOpen) => {
  const cleanups: Array<() => unknown> = [];
  const open = makeOpen(cleanups);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('gives growing ids and reads events after an id, oldest first', async () => {
    const log = await open();
    expect(await log.lastId()).toBeNull();
    const first = await log.append(inbox(1));
    const second = await log.append(inbox(2));
    const third = await log.append(inbox(3));
    expect(first.duplicate).toBe(false);
    expect(isAfter(second.id, first.id)).toBe(true);
    expect(isAfter(third.id, second.id)).toBe(true);
    expect(await log.lastId()).toBe(third.id);

    const all = await log.readAfter(null, 10);
    expect(all.gap).toBe(false);
    expect(all.events).toEqual([
      { id: first.id, ...messageEvent(1) },
      { id: second.id, ...messageEvent(2) },
      { id: third.id, ...messageEvent(3) },
    ]);
    const newer = await log.readAfter(first.id, 10);
    expect(newer.events.map((event) => event.id)).toEqual([second.id, third.id]);
    expect(await log.readAfter(third.id, 10)).toEqual({ events: [], gap: false });
  });

  it('stores a repeated delivery once and answers the first id', async () => {
    const log = await open();
    const listener = vi.fn();
    log.subscribe(listener);
    const first = await log.append(inbox(1));
    const retry = await log.append({ ...inbox(1), payload: { hook_type: 'inbox', message_id: 1, retried: true } });
    expect(retry).toEqual({ id: first.id, duplicate: true });
    expect((await log.readAfter(null, 10)).events).toHaveLength(1);
    expect(await log.lastId()).toBe(first.id);
    expect((await log.delivery(first.id))?.payload).toEqual(inbox(1).payload);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps a delivery without an event for debugging but never streams it', async () => {
    const log = await open();
    const listener = vi.fn();
    log.subscribe(listener);
    const stored = await log.append(unknownHook(1));
    const after = await log.append(inbox(2));
    expect(isAfter(after.id, stored.id)).toBe(true);
    expect((await log.readAfter(null, 10)).events.map((event) => event.id)).toEqual([after.id]);
    expect(await log.delivery(stored.id)).toEqual({
      id: stored.id,
      dedupeKey: 'mystery:1',
      hookType: 'mystery',
      payload: { hook_type: 'mystery', n: 1 },
      event: null,
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ id: after.id, type: 'message' }));
  });

  it('pages with limit', async () => {
    const log = await open();
    for (let n = 1; n <= 5; n++) await log.append(inbox(n));
    const page1 = await log.readAfter(null, 2);
    const page2 = await log.readAfter(page1.events.at(-1)?.id ?? null, 2);
    const page3 = await log.readAfter(page2.events.at(-1)?.id ?? null, 2);
    expect([...page1.events, ...page2.events, ...page3.events].map((event) => event.type === 'message' && event.data.messageId)).toEqual([1, 2, 3, 4, 5]);
    expect(page3.events).toHaveLength(1);
    await expect(log.readAfter(null, 0)).rejects.toThrow(/positive integer/);
  });

  it('keeps what was appended even if the caller changes its objects afterwards', async () => {
    const log = await open();
    const entry = inbox(1);
    const { id } = await log.append(entry);
    (entry.payload as { text: string }).text = 'changed';
    expect((await log.delivery(id))?.payload).toEqual({ hook_type: 'inbox', message_id: 1, text: 'hello 1' });
  });

  it('tells subscribers about each committed event until they unsubscribe, whatever another listener throws', async () => {
    const onListenerError = vi.fn();
    const log = await open({ onListenerError });
    const seen: string[] = [];
    log.subscribe(() => {
      throw new Error('broken listener');
    });
    const unsubscribe = log.subscribe((event) => seen.push(event.id));
    const first = await log.append(inbox(1));
    unsubscribe();
    await log.append(inbox(2));
    expect(seen).toEqual([first.id]);
    expect(onListenerError).toHaveBeenCalledTimes(2);
    expect(onListenerError).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken listener' }));
  });

  it('prunes events older than the retention and reports a gap to a reader that missed them', async () => {
    let time = Date.parse('2026-11-01T00:00:00Z');
    const log = await open({ now: () => time });
    const old1 = await log.append(inbox(1));
    const old2 = await log.append(inbox(2));
    time += 6 * DAY;
    const recent = await log.append(inbox(3));
    time += 1 * DAY + 1;

    expect(await log.prune()).toBe(2);
    expect(await log.delivery(old1.id)).toBeUndefined();
    expect(await log.readAfter(old1.id, 10)).toEqual({ events: [], gap: true });
    // The newest pruned id is exactly where the kept events start: nothing is missing after it.
    expect((await log.readAfter(old2.id, 10)).events.map((event) => event.id)).toEqual([recent.id]);
    expect((await log.readAfter(null, 10)).events.map((event) => event.id)).toEqual([recent.id]);

    time += 7 * DAY;
    expect(await log.prune()).toBe(1);
    expect(await log.lastId()).toBe(recent.id);
    expect(await log.readAfter(recent.id, 10)).toEqual({ events: [], gap: false });
    const next = await log.append(inbox(4));
    expect(isAfter(next.id, recent.id)).toBe(true);
  });

  it('prunes at an explicit time', async () => {
    let time = 1_000_000_000_000;
    const log = await open({ now: () => time, retentionMs: HOUR });
    await log.append(inbox(1));
    time += 2 * HOUR;
    expect(await log.prune(time - 2 * HOUR)).toBe(0);
    expect(await log.prune(time)).toBe(1);
  });

  it('remembers dedupe keys through Chat2Desk retries even when the retention is shorter', async () => {
    let time = 1_000_000_000_000;
    const log = await open({ now: () => time, retentionMs: 10 * MINUTE });
    const first = await log.append(inbox(1));
    time += 2 * HOUR + 5 * MINUTE + 10_000; // the last retry
    await log.prune();
    expect(await log.delivery(first.id)).toBeUndefined();
    expect(await log.append(inbox(1))).toEqual({ id: first.id, duplicate: true });
    time += 6 * HOUR;
    await log.prune();
    expect((await log.append(inbox(1))).duplicate).toBe(false);
  });

  it('reports a gap for an id it never gave', async () => {
    const log = await open();
    const { id } = await log.append(inbox(1));
    const [high = 0, low] = id.split('-').map(Number);
    const next = low === undefined ? String(high + 1) : `${high}-${low + 1}`;
    expect(await log.readAfter(next, 10)).toEqual({ events: [], gap: true });
    expect(await log.readAfter('1700000000000-0', 10)).toEqual({ events: [], gap: true });
    expect(await log.readAfter('', 10)).toEqual({ events: [], gap: true });
    expect(await log.delivery('nonsense')).toBeUndefined();
  });

  it('refuses entries it could not replay', async () => {
    const log = await open();
    await expect(log.append({ ...inbox(1), dedupeKey: '' })).rejects.toThrow(/dedupeKey/);
    await expect(log.append({ ...inbox(1), payload: undefined })).rejects.toThrow(/JSON/);
    expect(await log.lastId()).toBeNull();
  });

  it('refuses to be used after close', async () => {
    const log = await open();
    await log.close();
    await expect(log.append(inbox(1))).rejects.toThrow(/closed/);
    await expect(log.readAfter(null, 1)).rejects.toThrow(/closed/);
  });

  it('refuses a retention that is not a positive number of milliseconds', async () => {
    await expect(open({ retentionMs: 0 })).rejects.toThrow(/retentionMs/);
  });
});
