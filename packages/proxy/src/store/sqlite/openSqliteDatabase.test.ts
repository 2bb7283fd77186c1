import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './openSqliteDatabase.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c2d-sqlite-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const userVersion = (db: Awaited<ReturnType<typeof openSqliteDatabase>>) => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('openSqliteDatabase', () => {
  it('creates the file in write-ahead-log mode with the schema, and runs only newer steps on reopen', async () => {
    const file = join(dir, 'store.sqlite');
    const steps = ['CREATE TABLE a (x INTEGER)', "INSERT INTO a VALUES (1)"];
    const db = await openSqliteDatabase(file, { migrations: steps });
    expect(userVersion(db)).toBe(2);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();

    const again = await openSqliteDatabase(file, { migrations: [...steps, 'INSERT INTO a VALUES (2)'] });
    expect(userVersion(again)).toBe(3);
    expect(again.prepare('SELECT x FROM a ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }]);
    again.close();
  });

  it('leaves the file as it was when a step fails', async () => {
    const file = join(dir, 'store.sqlite');
    await expect(openSqliteDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE oops ('] })).rejects.toThrow(/syntax error|incomplete input/);
    const db = await openSqliteDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)'] });
    expect(userVersion(db)).toBe(1);
    db.close();
  });

  it('refuses a file written by a newer schema and says what to do', async () => {
    const file = join(dir, 'store.sqlite');
    (await openSqliteDatabase(file, { migrations: ['SELECT 1', 'SELECT 2'] })).close();
    await expect(openSqliteDatabase(file, { migrations: ['SELECT 1'] })).rejects.toThrow(/newer @c2d-console\/proxy.*upgrade the proxy, or point C2D_PROXY_DATA_DIR/);
  });

  it('applies the embedded store schema', async () => {
    const db = await openSqliteDatabase(':memory:');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['clients', 'dialog_operators', 'event_dedupe', 'event_log', 'store_meta', 'transfers']),
    );
    db.close();
  });
});
