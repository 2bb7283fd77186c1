import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleStores, ConsoleStoresOptions } from './ConsoleStores.js';
import { createEmbeddedStores, EMBEDDED_STORE_FILE } from './createEmbeddedStores.js';
import { createMemoryStores } from './createMemoryStores.js';
import type { EventLogEntry } from './eventLog/EventLog.js';

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'c2d-stores-'));
  dataDir = join(root, 'nested', '.c2d-proxy-data');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** One proxy run: opens the embedded stores in `dataDir`, runs `body`, closes them. */
async function run<T>(body: (stores: ConsoleStores) => Promise<T>, options: ConsoleStoresOptions = {}): Promise<T> {
  const stores = await createEmbeddedStores({ dataDir, ...options });
  try {
    return await body(stores);
  } finally {
    await stores.close();
  }
}

/** What the webhook route will do for one `dialog_transferred` delivery. */
async function recordTransfer(stores: ConsoleStores) {
  const { transfer } = await stores.transfers.record({ dialogId: 63, clientId: 11, toOperatorId: 2, created: '2026-11-02T10:00:00Z' });
  const appended = await stores.eventLog.append({
    dedupeKey: 'dialog_transferred:63:2026-11-02T10:00:00Z',
    hookType: 'dialog_transferred',
    payload: { hook_type: 'dialog_transferred', dialog_id: 63, operator_id: 2, event_time: '2026-11-02T10:00:00Z' },
    event: { type: 'transfer', time: transfer.created, data: { ...transfer, fromOperatorName: null, toOperatorName: 'Anna' } },
  });
  await stores.clientIndex.upsert([{ id: 11, name: 'Пётр Ёлкин', lastMessageAt: '2026-11-02T09:59:00Z' }]);
  return { transfer, eventId: appended.id };
}

const closed = (dialogId: number): EventLogEntry => ({
  dedupeKey: `close_dialog:${dialogId}:2026-11-02T10:00:00Z`,
  hookType: 'close_dialog',
  payload: { hook_type: 'close_dialog', dialog_id: dialogId, event_time: '2026-11-02T10:00:00Z' },
  event: { type: 'dialog', time: '2026-11-02T10:00:00.000Z', data: { change: 'closed', dialogId, clientId: 5, operatorId: 2 } },
});

describe('createEmbeddedStores', () => {
  it('creates the data folder and keeps events, transfers and clients across a restart', async () => {
    const written = await run(recordTransfer);
    expect(await readdir(dataDir)).toContain(EMBEDDED_STORE_FILE);
    await run(async (stores) => {
      const { events } = await stores.eventLog.readAfter(null, 10);
      expect(events).toEqual([expect.objectContaining({ id: written.eventId, type: 'transfer' })]);
      expect((await stores.transfers.list({ clientId: 11 }, { limit: 10, offset: 0 })).transfers).toEqual([written.transfer]);
      expect((await stores.clientIndex.search('елкин', { limit: 10, offset: 0 })).total).toBe(1);
      // The retry of the same delivery after the restart is stored once.
      expect((await recordTransfer(stores)).eventId).toBe(written.eventId);
      expect((await stores.eventLog.readAfter(null, 10)).events).toHaveLength(1);
      expect((await stores.transfers.list({}, { limit: 10, offset: 0 })).total).toBe(1);
    });
  });

  it('closes once, however often it is asked', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    await stores.close();
    await expect(stores.close()).resolves.toBeUndefined();
    await expect(stores.eventLog.lastId()).rejects.toThrow(/closed/);
  });

  it('says how to fix a data folder it cannot create', async () => {
    const blocker = join(root, 'a-file'); // a folder cannot be made inside a file, not even by root
    await writeFile(blocker, '');
    await expect(createEmbeddedStores({ dataDir: join(blocker, 'data') })).rejects.toThrow(/point C2D_PROXY_DATA_DIR .* at a writable folder/);
  });
});

describe('the embedded event log across restarts', () => {
  it('reads back what an earlier run wrote, and keeps giving larger ids', async () => {
    const written = await run(async ({ eventLog }) => [await eventLog.append(closed(1)), await eventLog.append(closed(2))]);
    await run(async ({ eventLog }) => {
      expect(await eventLog.lastId()).toBe(written[1]?.id);
      expect((await eventLog.readAfter(null, 10)).events).toEqual([
        { id: written[0]?.id, ...closed(1).event },
        { id: written[1]?.id, ...closed(2).event },
      ]);
      expect((await eventLog.readAfter(written[0]?.id ?? null, 10)).events.map((event) => event.id)).toEqual([written[1]?.id]);
      expect(Number((await eventLog.append(closed(3))).id)).toBeGreaterThan(Number(written[1]?.id));
    });
  });

  it('never gives an id again, and still reports the gap, after pruning everything and restarting', async () => {
    let time = Date.parse('2026-11-01T00:00:00Z');
    const options = { now: () => time };
    const old = await run(async ({ eventLog }) => {
      const entry = await eventLog.append(closed(1));
      time += 8 * 24 * 60 * 60_000;
      expect(await eventLog.prune()).toBe(1);
      return entry;
    }, options);
    await run(async ({ eventLog }) => {
      expect(await eventLog.lastId()).toBe(old.id);
      expect(await eventLog.readAfter(String(Number(old.id) - 1), 10)).toEqual({ events: [], gap: true });
      expect(await eventLog.readAfter(old.id, 10)).toEqual({ events: [], gap: false });
      expect(Number((await eventLog.append(closed(2))).id)).toBeGreaterThan(Number(old.id));
    }, options);
  });
});

describe('the embedded transfer store across restarts', () => {
  it('keeps the dialog operators that the next transfer comes from', async () => {
    const input = { dialogId: 10, clientId: 100, toOperatorId: 2, created: '2026-11-02T10:00:00Z' };
    const first = await run(async ({ transfers }) => (await transfers.record(input)).transfer);
    await run(async ({ transfers }) => {
      expect(await transfers.dialogOperator(10)).toBe(2);
      const next = (await transfers.record({ ...input, toOperatorId: 3, created: '2026-11-02T11:00:00Z' })).transfer;
      expect(next.fromOperatorId).toBe(2);
      expect(next.id).toBeGreaterThan(first.id);
    });
  });
});

describe('the embedded client index across restarts', () => {
  it('searches at once what an earlier run indexed, changed and removed, with its status', async () => {
    const status = { indexed: 2, total: 2, complete: true, updatedAt: '2026-11-02T10:00:00.000Z' };
    await run(async ({ clientIndex }) => {
      await clientIndex.upsert([
        { id: 1, name: 'Пётр Ёлкин', phone: '+7 701 234 56 78', lastMessageAt: '2026-11-01T10:00:00Z' },
        { id: 2, name: 'José Álvarez', assignedName: 'Pepe', lastMessageAt: '2026-11-02T10:00:00Z' },
        { id: 3, name: 'Gone Soon' },
      ]);
      await clientIndex.upsert([{ id: 1, lastMessageAt: '2026-11-03T10:00:00Z' }]);
      await clientIndex.remove(3);
      await clientIndex.setStatus(status);
    });
    await run(async ({ clientIndex }) => {
      expect(await clientIndex.status()).toEqual(status);
      expect(await clientIndex.search('', { limit: 10, offset: 0 })).toEqual({
        entries: [
          { id: 1, name: 'Пётр Ёлкин', phone: '+7 701 234 56 78', assignedName: null, lastMessageAt: '2026-11-03T10:00:00.000Z' },
          { id: 2, name: 'José Álvarez', phone: null, assignedName: 'Pepe', lastMessageAt: '2026-11-02T10:00:00.000Z' },
        ],
        total: 2,
      });
      expect((await clientIndex.search('alvarez pepe', { limit: 10, offset: 0 })).total).toBe(1);
    });
  });
});

describe('createMemoryStores', () => {
  it('serves the same three stores without touching the disk, and forgets them on close', async () => {
    const stores = createMemoryStores();
    const written = await recordTransfer(stores);
    expect((await stores.eventLog.readAfter(null, 10)).events.map((event) => event.id)).toEqual([written.eventId]);
    expect((await stores.transfers.list({}, { limit: 10, offset: 0 })).total).toBe(1);
    await stores.close();
    await expect(stores.eventLog.lastId()).rejects.toThrow(/closed/);
    await expect(stores.transfers.dialogOperator(63)).rejects.toThrow(/closed/);
    await expect(stores.clientIndex.status()).rejects.toThrow(/closed/);
  });
});
