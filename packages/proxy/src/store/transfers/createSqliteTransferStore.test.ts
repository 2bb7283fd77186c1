import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';
import { createSqliteTransferStore } from './createSqliteTransferStore.js';
import type { TransferStore } from './TransferStore.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c2d-transfers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the store in the temp folder, runs `body`, and closes store and database, as a proxy run would. */
async function run<T>(body: (store: TransferStore) => Promise<T>): Promise<T> {
  const db = await openSqliteDatabase(join(dir, 'store.sqlite'));
  const store = createSqliteTransferStore(db);
  try {
    return await body(store);
  } finally {
    await store.close();
    db.close();
  }
}

describe('createSqliteTransferStore across restarts', () => {
  it('keeps transfers, dialog operators and retry detection', async () => {
    const input = { dialogId: 10, clientId: 100, toOperatorId: 2, created: '2026-11-02T10:00:00Z' };
    const first = await run(async (store) => (await store.record(input)).transfer);
    await run(async (store) => {
      expect(await store.list({ dialogId: 10 }, { limit: 10, offset: 0 })).toEqual({ transfers: [first], total: 1 });
      expect(await store.dialogOperator(10)).toBe(2);
      expect(await store.record(input)).toEqual({ transfer: first, duplicate: true });
      const next = (await store.record({ ...input, toOperatorId: 3, created: '2026-11-02T11:00:00Z' })).transfer;
      expect(next.fromOperatorId).toBe(2);
      expect(next.id).toBeGreaterThan(first.id);
    });
  });
});
