/* oxlint-disable no-await-in-loop -- cleanups run in order */
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';
import type { ClientIndex, ClientIndexEntry } from './ClientIndex.js';
import { createMemoryClientIndex } from './createMemoryClientIndex.js';
import { createSqliteClientIndex } from './createSqliteClientIndex.js';
import { createRedisClientIndex } from '../redis/createRedisClientIndex.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';

type OpenIndex = () => Promise<ClientIndex>;

const redis = setupTestRedis();

const implementations: Array<[string, (cleanups: Array<() => unknown>) => OpenIndex]> = [
  ['memory', () => async () => createMemoryClientIndex()],
  [
    'SQLite',
    (cleanups) => async () => {
      const db = await openSqliteDatabase(':memory:');
      cleanups.push(() => db.close());
      return createSqliteClientIndex(db);
    },
  ],
  [
    'Redis',
    (cleanups) => async () => {
      const connection = await redis.connect();
      const index = await createRedisClientIndex({ connection, namespace: redis.namespace(), openFollowerConnection: () => connection.duplicate('clients') });
      cleanups.push(() => index.close());
      return index;
    },
  ],
];

const client = (id: number, name: string | null, lastMessageAt: string | null, extra: Partial<ClientIndexEntry> = {}): ClientIndexEntry => ({
  id,
  name,
  phone: null,
  assignedName: null,
  lastMessageAt,
  ...extra,
});

const PEOPLE: ClientIndexEntry[] = [
  client(1, 'Пётр Ёлкин', '2026-11-01T10:00:00.000Z', { phone: '+7 (701) 234-56-78' }),
  client(2, 'José Álvarez', '2026-11-02T10:00:00.000Z', { phone: '+34 600 111 222' }),
  client(3, 'Андрей Иванов', '2026-11-03T10:00:00.000Z', { assignedName: 'VIP Андрей' }),
  client(4, 'Andrei Ivanov', null),
  client(5, 'Мария Андреева', '2026-11-04T10:00:00.000Z', { phone: '87015550000' }),
  client(6, null, '2026-11-05T10:00:00.000Z', { assignedName: 'Жанна из Алматы' }),
];

const ALL = { limit: 50, offset: 0 };
const ids = (result: { entries: ClientIndexEntry[] }) => result.entries.map((entry) => entry.id);

describe.each(implementations)('ClientIndex contract: %s', (_name, makeOpen) => {
  const cleanups: Array<() => unknown> = [];
  const open = makeOpen(cleanups);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  const seeded = async () => {
    const index = await open();
    await index.upsert(PEOPLE);
    return index;
  };

  it('finds names in Cyrillic and Latin by any part, ignoring case', async () => {
    const index = await seeded();
    expect(ids(await index.search('андр', ALL))).toEqual([5, 3]);
    expect(ids(await index.search('ANDREI', ALL))).toEqual([4]);
    expect(ids(await index.search('ivan', ALL))).toEqual([4]);
    expect(ids(await index.search('Иванов', ALL))).toEqual([3]);
  });

  it('ignores accents and finds ё by е and the other way round', async () => {
    const index = await seeded();
    expect(ids(await index.search('alvarez', ALL))).toEqual([2]);
    expect(ids(await index.search('JOSÉ', ALL))).toEqual([2]);
    expect(ids(await index.search('петр елкин', ALL))).toEqual([1]);
    expect(ids(await index.search('Ёлк', ALL))).toEqual([1]);
  });

  it('keeps й apart from и', async () => {
    const index = await seeded();
    expect(ids(await index.search('андрей', ALL))).toEqual([3]);
    expect(ids(await index.search('андреи', ALL))).toEqual([]);
  });

  it('matches every word of the query in any order, in the name or the assigned name', async () => {
    const index = await seeded();
    expect(ids(await index.search('Ёлкин Пётр', ALL))).toEqual([1]);
    expect(ids(await index.search('vip', ALL))).toEqual([3]);
    expect(ids(await index.search('жанна алматы', ALL))).toEqual([6]);
    expect(ids(await index.search('жанна петр', ALL))).toEqual([]);
  });

  it('finds phone numbers by their digits however they are typed', async () => {
    const index = await seeded();
    expect(ids(await index.search('+7 701 234', ALL))).toEqual([1]);
    expect(ids(await index.search('(701)', ALL))).toEqual([5, 1]);
    expect(ids(await index.search('600-111', ALL))).toEqual([2]);
  });

  it('lists everyone for a blank query, newest message first and never-wrote last', async () => {
    const index = await seeded();
    expect(await index.search('  ', ALL)).toEqual({ entries: expect.any(Array), total: 6 });
    expect(ids(await index.search('', ALL))).toEqual([6, 5, 3, 2, 1, 4]);
  });

  it('pages through the matches with a total', async () => {
    const index = await seeded();
    expect(await index.search('', { limit: 2, offset: 0 })).toMatchObject({ total: 6 });
    expect(ids(await index.search('', { limit: 2, offset: 0 }))).toEqual([6, 5]);
    expect(ids(await index.search('', { limit: 2, offset: 2 }))).toEqual([3, 2]);
    expect(ids(await index.search('', { limit: 2, offset: 6 }))).toEqual([]);
    expect(await index.search('андр', { limit: 1, offset: 1 })).toEqual({ entries: [PEOPLE[2]], total: 2 });
  });

  it('replaces a client on upsert, keeping fields left out, and reorders by the new message time', async () => {
    const index = await seeded();
    await index.upsert([{ id: 1, name: 'Пётр Ёлкин-Смирнов', lastMessageAt: '2026-11-06T10:00:00Z' }]);
    expect((await index.search('', ALL)).total).toBe(6);
    expect(ids(await index.search('', ALL))).toEqual([1, 6, 5, 3, 2, 4]);
    expect((await index.search('смирнов', ALL)).entries).toEqual([
      { id: 1, name: 'Пётр Ёлкин-Смирнов', phone: '+7 (701) 234-56-78', assignedName: null, lastMessageAt: '2026-11-06T10:00:00.000Z' },
    ]);
    await index.upsert([{ id: 3, assignedName: null }]);
    expect(ids(await index.search('vip', ALL))).toEqual([]);
  });

  it('never moves a client\'s last message back, but takes a newer one', async () => {
    const index = await seeded();
    await index.upsert([{ id: 5, lastMessageAt: '2026-10-01T00:00:00Z' }]);
    expect((await index.search('мария', ALL)).entries[0]?.lastMessageAt).toBe('2026-11-04T10:00:00.000Z');
    await index.upsert([{ id: 5, lastMessageAt: null }]);
    expect((await index.search('мария', ALL)).entries[0]?.lastMessageAt).toBe('2026-11-04T10:00:00.000Z');
    await index.upsert([{ id: 4, lastMessageAt: '2026-11-07T12:00:00+03:00' }]);
    expect((await index.search('andrei', ALL)).entries[0]?.lastMessageAt).toBe('2026-11-07T09:00:00.000Z');
  });

  it('adds a client known only by an event, with what the event told', async () => {
    const index = await seeded();
    await index.upsert([{ id: 99, lastMessageAt: '2026-11-09T00:00:00Z' }]);
    expect((await index.search('', { limit: 1, offset: 0 })).entries).toEqual([
      { id: 99, name: null, phone: null, assignedName: null, lastMessageAt: '2026-11-09T00:00:00.000Z' },
    ]);
  });

  it('keeps one order between clients with the same message time, and through a large batch', async () => {
    const index = await open();
    const many = Array.from({ length: 1000 }, (_, n) => client(n + 1, `Клиент ${n + 1}`, '2026-11-01T00:00:00.000Z'));
    await index.upsert(many);
    await index.upsert([client(500, 'Клиент 500', '2026-11-02T00:00:00.000Z')]);
    expect(ids(await index.search('клиент', { limit: 3, offset: 0 }))).toEqual([500, 1000, 999]);
    expect((await index.search('клиент', ALL)).total).toBe(1000);
  });

  it('forgets a removed client', async () => {
    const index = await seeded();
    await index.remove(3);
    await index.remove(12345);
    expect(ids(await index.search('андр', ALL))).toEqual([5]);
    expect((await index.search('', ALL)).total).toBe(5);
  });

  it('remembers the indexing status', async () => {
    const index = await open();
    expect(await index.status()).toEqual({ indexed: 0, total: null, complete: false, updatedAt: null });
    const status = { indexed: 200, total: 1000, complete: false, updatedAt: '2026-11-02T10:00:00.000Z' };
    await index.setStatus(status);
    expect(await index.status()).toEqual(status);
    await expect(index.setStatus({ ...status, indexed: -1 })).rejects.toThrow(/indexed/);
  });

  it('refuses bad entries, naming the field, and changes nothing', async () => {
    const index = await seeded();
    await expect(index.upsert([{ id: 7, name: 'ok' }, { id: 0, name: 'bad' }])).rejects.toThrow(/client id/);
    await expect(index.upsert([{ id: 7, lastMessageAt: 'yesterday' }])).rejects.toThrow(/lastMessageAt/);
    await expect(index.upsert([{ id: 7, name: 42 as unknown as string }])).rejects.toThrow(/name must be a string/);
    expect((await index.search('', ALL)).total).toBe(6);
    await expect(index.search('', { limit: 0, offset: 0 })).rejects.toThrow(/limit/);
  });

  it('refuses to be used after close', async () => {
    const index = await open();
    await index.close();
    await expect(index.search('', ALL)).rejects.toThrow(/closed/);
  });
});
