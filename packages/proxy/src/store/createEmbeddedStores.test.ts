import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleStores } from './ConsoleStores.js';
import { createEmbeddedStores, EMBEDDED_STORE_FILE } from './createEmbeddedStores.js';
import { createMemoryStores } from './createMemoryStores.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'c2d-stores-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

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

describe('createEmbeddedStores', () => {
  it('creates the data folder and keeps events, transfers and clients across a restart', async () => {
    const dataDir = join(root, 'nested', '.c2d-proxy-data');
    const first = await createEmbeddedStores({ dataDir });
    const written = await recordTransfer(first);
    await first.close();
    expect(await readdir(dataDir)).toContain(EMBEDDED_STORE_FILE);

    const second = await createEmbeddedStores({ dataDir });
    const { events } = await second.eventLog.readAfter(null, 10);
    expect(events).toEqual([expect.objectContaining({ id: written.eventId, type: 'transfer' })]);
    expect((await second.transfers.list({ clientId: 11 }, { limit: 10, offset: 0 })).transfers).toEqual([written.transfer]);
    expect((await second.clientIndex.search('елкин', { limit: 10, offset: 0 })).total).toBe(1);
    // The retry of the same delivery after the restart is stored once.
    expect((await recordTransfer(second)).eventId).toBe(written.eventId);
    expect((await second.eventLog.readAfter(null, 10)).events).toHaveLength(1);
    await second.close();
    await second.close();
  });

  it('says how to fix a data folder it cannot create', async () => {
    const blocker = join(root, 'a-file'); // a folder cannot be made inside a file, not even by root
    await writeFile(blocker, '');
    await expect(createEmbeddedStores({ dataDir: join(blocker, 'data') })).rejects.toThrow(/point C2D_PROXY_DATA_DIR .* at a writable folder/);
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
