import { checkPage } from '../Page.js';
import type { SqliteDatabase } from '../sqlite/SqliteDatabase.js';
import { type ClientIndex, type ClientIndexEntry, type ClientIndexStatus, INITIAL_CLIENT_INDEX_STATUS } from './ClientIndex.js';
import { checkClientIndexStatus } from './clientIndexStatus.js';
import { createClientSearchIndex } from './createClientSearchIndex.js';

const STATUS = 'client_index.status';

interface ClientRow {
  id: number;
  name: string | null;
  phone: string | null;
  assigned_name: string | null;
  last_message_at: string | null;
}

/**
 * A {@link ClientIndex} kept in a SQLite database opened by `openSqliteDatabase` (the caller
 * closes the database). The clients are read into memory when it is created and searched there;
 * every change is written through, so a restart searches at once instead of paging through
 * Chat2Desk again. One proxy process per database: another one's writes are not seen.
 */
export function createSqliteClientIndex(db: SqliteDatabase): ClientIndex {
  const sql = {
    all: db.prepare('SELECT id, name, phone, assigned_name, last_message_at FROM clients'),
    upsert: db.prepare(
      `INSERT INTO clients (id, name, phone, assigned_name, last_message_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
         assigned_name = excluded.assigned_name, last_message_at = excluded.last_message_at`,
    ),
    remove: db.prepare('DELETE FROM clients WHERE id = ?'),
    status: db.prepare('SELECT value FROM store_meta WHERE key = ?'),
    setStatus: db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
  const index = createClientSearchIndex();
  index.put(
    (sql.all.all() as ClientRow[]).map((row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone,
      assignedName: row.assigned_name,
      lastMessageAt: row.last_message_at,
    })),
  );
  const write = db.transaction((entries: ClientIndexEntry[]) => {
    for (const entry of entries) sql.upsert.run(entry.id, entry.name, entry.phone, entry.assignedName, entry.lastMessageAt);
  });
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the client index is closed');
  };

  return {
    async upsert(updates) {
      checkOpen();
      const entries = index.merge(updates);
      write(entries); // first: memory changes only once the file has them
      index.put(entries);
    },
    async remove(id) {
      checkOpen();
      sql.remove.run(id);
      index.remove(id);
    },
    async search(query, page) {
      checkOpen();
      checkPage(page);
      return index.search(query, page);
    },
    async get(ids) {
      checkOpen();
      return index.get(ids);
    },
    async status() {
      checkOpen();
      const row = sql.status.get(STATUS) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as ClientIndexStatus) : { ...INITIAL_CLIENT_INDEX_STATUS };
    },
    async setStatus(next) {
      checkOpen();
      sql.setStatus.run(STATUS, JSON.stringify(checkClientIndexStatus(next)));
    },
    async close() {
      closed = true;
    },
  };
}
