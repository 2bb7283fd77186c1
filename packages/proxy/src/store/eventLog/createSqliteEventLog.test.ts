import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventLogEntry } from './EventLog.js';
import type { EventLogOptions } from './eventLogOptions.js';
import { createSqliteEventLog } from './createSqliteEventLog.js';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';

let file: string;
beforeEach(async () => {
  file = join(await mkdtemp(join(tmpdir(), 'c2d-events-')), 'store.sqlite');
});
afterEach(async () => {
  await rm(join(file, '..'), { recursive: true, force: true });
});

/** Opens the log in `file`, runs `body`, and closes log and database, as a proxy run would. */
async function run<T>(body: (log: ReturnType<typeof createSqliteEventLog>) => Promise<T>, options?: EventLogOptions): Promise<T> {
  const db = await openSqliteDatabase(file);
  const log = createSqliteEventLog(db, options);
  try {
    return await body(log);
  } finally {
    await log.close();
    db.close();
  }
}

const closed = (dialogId: number): EventLogEntry => ({
  dedupeKey: `close_dialog:${dialogId}:2026-11-02T10:00:00Z`,
  hookType: 'close_dialog',
  payload: { hook_type: 'close_dialog', dialog_id: dialogId, event_time: '2026-11-02T10:00:00Z' },
  event: { type: 'dialog', time: '2026-11-02T10:00:00.000Z', data: { change: 'closed', dialogId, clientId: 5, operatorId: 2 } },
});

describe('createSqliteEventLog across restarts', () => {
  it('reads back what an earlier run wrote, and keeps giving larger ids', async () => {
    const written = await run(async (log) => [await log.append(closed(1)), await log.append(closed(2))]);
    await run(async (log) => {
      expect(await log.lastId()).toBe(written[1]?.id);
      const { events } = await log.readAfter(null, 10);
      expect(events).toEqual([
        { id: written[0]?.id, ...closed(1).event },
        { id: written[1]?.id, ...closed(2).event },
      ]);
      expect(Number((await log.append(closed(3))).id)).toBeGreaterThan(Number(written[1]?.id));
    });
  });

  it('recognises a retry of a delivery an earlier run stored', async () => {
    const first = await run((log) => log.append(closed(1)));
    await run(async (log) => {
      expect(await log.append(closed(1))).toEqual({ id: first.id, duplicate: true });
      expect((await log.readAfter(null, 10)).events).toHaveLength(1);
    });
  });

  it('never gives an id again, and still reports the gap, after pruning everything and restarting', async () => {
    let time = Date.parse('2026-11-01T00:00:00Z');
    const options = { now: () => time };
    const old = await run(async (log) => {
      const entry = await log.append(closed(1));
      time += 8 * 24 * 60 * 60_000;
      expect(await log.prune()).toBe(1);
      return entry;
    }, options);
    await run(async (log) => {
      expect(await log.lastId()).toBe(old.id);
      expect(await log.readAfter(String(Number(old.id) - 1), 10)).toEqual({ events: [], gap: true });
      expect(Number((await log.append(closed(2))).id)).toBeGreaterThan(Number(old.id));
    }, options);
  });
});
