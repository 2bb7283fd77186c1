import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createRedisStores, type RedisStores } from './createRedisStores.js';

const redis = setupTestRedis();

/** One instance's stores; instances given the same `keyPrefix` share one Redis keyspace (tests share one server). */
async function open(options: { keyPrefix?: string; token?: string; instances?: number } = {}): Promise<RedisStores & { degraded: string[] }> {
  const degraded: string[] = [];
  const stores = await createRedisStores({ url: redis.url, token: options.token ?? 'c2d-test-token', keyPrefix: options.keyPrefix ?? redis.namespace(), instances: options.instances, onDegraded: (line) => degraded.push(line) });
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

  it('refuses to start, saying how to fix it, when Redis does not answer', async () => {
    await expect(createRedisStores({ url: 'redis://user:hunter2@127.0.0.1:1', token: 't', connectTimeoutMs: 300 })).rejects.toThrow(
      /could not connect to Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1 within 300 ms .*C2D_PROXY_REDIS_URL/,
    );
  });

  it('closes once, however often it is asked', async () => {
    const stores = await open();
    await stores.close();
    await expect(stores.close()).resolves.toBeUndefined();
    await expect(stores.eventLog.lastId()).rejects.toThrow(/closed/);
  });
});
