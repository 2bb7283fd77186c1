import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import type { ClientIndex } from '../clientIndex/ClientIndex.js';
import { createRedisClientIndex } from './createRedisClientIndex.js';

const redis = setupTestRedis();
const ALL = { limit: 50, offset: 0 };

async function open(namespace: string): Promise<ClientIndex> {
  const connection = await redis.connect();
  const index = await createRedisClientIndex({ connection, namespace, openFollowerConnection: () => connection.duplicate('clients') });
  redis.cleanup(() => index.close());
  return index;
}

const names = async (index: ClientIndex, query = '') => (await index.search(query, ALL)).entries.map((entry) => entry.name);

describe('createRedisClientIndex across instances', () => {
  it('finds on B what A indexed, and what A changes or removes later', async () => {
    const namespace = redis.namespace();
    const [a, b] = [await open(namespace), await open(namespace)];
    await a.upsert([
      { id: 1, name: 'Пётр Ёлкин', lastMessageAt: '2026-11-01T10:00:00Z' },
      { id: 2, name: 'José Álvarez', lastMessageAt: '2026-11-02T10:00:00Z' },
    ]);
    await expect.poll(() => names(b, 'елкин')).toEqual(['Пётр Ёлкин']);
    await a.upsert([{ id: 1, name: 'Пётр Ёлкин-Смирнов' }]);
    await a.remove(2);
    await expect.poll(() => names(b)).toEqual(['Пётр Ёлкин-Смирнов']);
  });

  it('merges changes of one client made on two instances at once', async () => {
    const namespace = redis.namespace();
    const [a, b] = [await open(namespace), await open(namespace)];
    await a.upsert([{ id: 7, name: 'Мария', lastMessageAt: '2026-11-01T10:00:00Z' }]);
    await Promise.all([a.upsert([{ id: 7, assignedName: 'VIP' }]), b.upsert([{ id: 7, lastMessageAt: '2026-11-03T10:00:00Z' }]), b.upsert([{ id: 7, lastMessageAt: '2026-10-01T10:00:00Z' }])]);
    const expected = [{ id: 7, name: 'Мария', phone: null, assignedName: 'VIP', lastMessageAt: '2026-11-03T10:00:00.000Z' }];
    await expect.poll(async () => (await a.search('', ALL)).entries).toEqual(expected);
    await expect.poll(async () => (await b.search('', ALL)).entries).toEqual(expected);
  });

  it('loads every client when an instance starts, with the status the others recorded', async () => {
    const namespace = redis.namespace();
    const first = await open(namespace);
    await first.upsert(Array.from({ length: 600 }, (_, n) => ({ id: n + 1, name: `Клиент ${n + 1}`, lastMessageAt: '2026-11-01T00:00:00Z' })));
    await first.setStatus({ indexed: 600, total: 600, complete: true, updatedAt: '2026-11-02T10:00:00.000Z' });
    const late = await open(namespace);
    expect((await late.search('клиент', ALL)).total).toBe(600);
    expect(await late.status()).toMatchObject({ complete: true, indexed: 600 });
  });

  it('keeps searching its copy while Redis is down, refuses changes with 503, and follows again once it is back', async () => {
    const namespace = redis.namespace();
    const [a, b] = [await open(namespace), await open(namespace)];
    await a.upsert([{ id: 1, name: 'Жанна' }]);
    await expect.poll(() => names(b, 'жанна')).toEqual(['Жанна']);
    await redis.server.kill();
    try {
      expect(await names(b, 'жанна')).toEqual(['Жанна']);
      await expect(a.upsert([{ id: 2, name: 'Асель' }])).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    } finally {
      await redis.server.restart();
    }
    // This Redis kept nothing across its restart: B reloads what is there, then follows.
    await expect.poll(() => a.upsert([{ id: 2, name: 'Асель' }]).then(() => 'stored', () => 'down'), { timeout: 5000 }).toBe('stored');
    await expect.poll(() => names(b), { timeout: 5000 }).toEqual(['Асель']);
  }, 15_000);
});
