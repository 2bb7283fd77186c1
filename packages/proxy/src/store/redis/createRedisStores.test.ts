import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createRedisStores, type RedisStores } from './createRedisStores.js';

const redis = setupTestRedis();

/** One instance's stores; instances given the same `keyPrefix` share one Redis keyspace (tests share one server). */
async function open(options: { keyPrefix?: string; token?: string; instances?: number; connectTimeoutMs?: number } = {}): Promise<RedisStores & { degraded: string[] }> {
  const degraded: string[] = [];
  const stores = await createRedisStores({ url: redis.url, token: options.token ?? 'c2d-test-token', keyPrefix: options.keyPrefix ?? redis.namespace(), instances: options.instances, connectTimeoutMs: options.connectTimeoutMs, onDegraded: (line) => degraded.push(line) });
  redis.cleanup(() => stores.close());
  return Object.assign(stores, { degraded });
}

describe('createRedisStores', () => {
  it('shares every store between instances of one token, and keeps tokens apart', async () => {
    const keyPrefix = redis.namespace();
    const a = await open({ keyPrefix });
    const b = await open({ keyPrefix });
    const other = await open({ keyPrefix, token: 'another-account-token' });
    await a.cache.set('/v1/tags', ['vip'], 10_000);
    expect(await b.cache.get('/v1/tags')).toEqual(['vip']);
    expect(await other.cache.get('/v1/tags')).toBeUndefined();
    const { transfer } = await a.transfers.record({ dialogId: 63, clientId: 11, toOperatorId: 2, created: '2026-11-02T10:00:00Z' });
    expect((await b.transfers.list({}, { limit: 10, offset: 0 })).transfers).toEqual([transfer]);
    expect(await b.idempotency.run({ scope: null, key: 'k', fingerprint: 'f' }, async () => 'b')).toBe('b');
    expect(await a.idempotency.run({ scope: null, key: 'k', fingerprint: 'f' }, async () => 'a')).toBe('b');
    expect(a.health()).toMatchObject({ status: 'up', reason: null, instances: expect.any(Number) });
  });

  it('never writes the token to Redis', async () => {
    const token = 'c2d-secret-token-0123456789abcdef';
    const stores = await open({ token });
    await stores.cache.set('/v1/tags', [], 10_000);
    await stores.rateLimiter?.acquire();
    const connection = await redis.connect();
    const keys = await connection.command<string[]>(['KEYS', '*']);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join('\n')).not.toContain(token);
  });

  it('says down and why in its health while Redis is away, degrades, and recovers on its own', async () => {
    const stores = await open({ instances: 2 });
    await redis.server.kill();
    try {
      await expect.poll(() => stores.health().status).toBe('down');
      expect(stores.health()).toMatchObject({ status: 'down', reason: expect.any(String), instances: 2 });
      expect(await stores.cache.get('/v1/tags')).toBeUndefined();
      expect(await stores.rateLimiter?.acquire()).toEqual({ ok: true });
      expect(stores.degraded).toEqual([expect.stringContaining('cache: Redis unreachable'), expect.stringContaining("this instance's share (5/2 per second)")]);
      await expect(stores.eventLog.append({ dedupeKey: 'inbox:1', hookType: 'inbox', payload: {}, event: null })).rejects.toMatchObject({ status: 503 });
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => stores.health().status, { timeout: 5000 }).toBe('up');
    expect(await stores.rateLimiter?.acquire()).toEqual({ ok: true });
    expect(stores.degraded.slice(2)).toEqual(expect.arrayContaining([expect.stringContaining('one shared budget again'), expect.stringContaining('cache: Redis back')]));
  });

  it('starts degraded, saying why, when Redis does not answer, and catches up once it does', async () => {
    await redis.server.kill();
    let stores: Awaited<ReturnType<typeof open>>;
    try {
      stores = await open({ connectTimeoutMs: 300 });
      expect(stores.health()).toMatchObject({ status: 'down', reason: expect.any(String) });
      expect(stores.degraded[0]).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ does not answer \(.+\): starting degraded until it does; check C2D_PROXY_REDIS_URL/);
      expect(await stores.cache.get('/v1/tags')).toBeUndefined();
      await expect(stores.idempotency.run({ scope: null, key: 'k', fingerprint: 'f' }, async () => 'sent')).rejects.toMatchObject({ status: 503 });
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => stores.health().status, { timeout: 10_000 }).toBe('up');
    await stores.clientIndex.upsert([{ id: 7, name: 'Ада Лавлейс' }]);
    expect((await stores.clientIndex.search('ада', { limit: 5, offset: 0 })).entries.map((entry) => entry.id)).toEqual([7]);
    expect(await stores.idempotency.run({ scope: null, key: 'k', fingerprint: 'f' }, async () => 'sent')).toBe('sent');
  });

  it('refuses a malformed URL at once', async () => {
    await expect(createRedisStores({ url: 'http://127.0.0.1:1', token: 't', connectTimeoutMs: 300 })).rejects.toThrow(/not a valid Redis protocol/);
  });

  it('closes once, however often it is asked', async () => {
    const stores = await open();
    await stores.close();
    await expect(stores.close()).resolves.toBeUndefined();
    await expect(stores.eventLog.lastId()).rejects.toThrow(/closed/);
  });
});
