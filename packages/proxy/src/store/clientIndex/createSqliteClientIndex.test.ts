import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';
import type { ClientIndex } from './ClientIndex.js';
import { createSqliteClientIndex } from './createSqliteClientIndex.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c2d-clients-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the index in the temp folder, runs `body`, and closes index and database, as a proxy run would. */
async function run<T>(body: (index: ClientIndex) => Promise<T>): Promise<T> {
  const db = await openSqliteDatabase(join(dir, 'store.sqlite'));
  const index = createSqliteClientIndex(db);
  try {
    return await body(index);
  } finally {
    await index.close();
    db.close();
  }
}

describe('createSqliteClientIndex across restarts', () => {
  it('searches at once after a restart what an earlier run indexed, with its status', async () => {
    const status = { indexed: 2, total: 2, complete: true, updatedAt: '2026-11-02T10:00:00.000Z' };
    await run(async (index) => {
      await index.upsert([
        { id: 1, name: 'Пётр Ёлкин', phone: '+7 701 234 56 78', lastMessageAt: '2026-11-01T10:00:00Z' },
        { id: 2, name: 'José Álvarez', assignedName: 'Pepe', lastMessageAt: '2026-11-02T10:00:00Z' },
        { id: 3, name: 'Gone Soon' },
      ]);
      await index.upsert([{ id: 1, lastMessageAt: '2026-11-03T10:00:00Z' }]);
      await index.remove(3);
      await index.setStatus(status);
    });
    await run(async (index) => {
      expect(await index.status()).toEqual(status);
      expect(await index.search('', { limit: 10, offset: 0 })).toEqual({
        entries: [
          { id: 1, name: 'Пётр Ёлкин', phone: '+7 701 234 56 78', assignedName: null, lastMessageAt: '2026-11-03T10:00:00.000Z' },
          { id: 2, name: 'José Álvarez', phone: null, assignedName: 'Pepe', lastMessageAt: '2026-11-02T10:00:00.000Z' },
        ],
        total: 2,
      });
      expect((await index.search('елкин', { limit: 10, offset: 0 })).total).toBe(1);
      expect((await index.search('pepe', { limit: 10, offset: 0 })).total).toBe(1);
    });
  });
});
