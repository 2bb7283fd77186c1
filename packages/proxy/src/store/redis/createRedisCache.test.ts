import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createRedisCache } from './createRedisCache.js';

const redis = setupTestRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRedisCache', () => {
  it('shares values between instances until they expire', async () => {
    const namespace = redis.namespace();
    const a = createRedisCache({ connection: await redis.connect(), namespace });
    const b = createRedisCache({ connection: await redis.connect(), namespace });
    await a.set('/v1/clients?limit=20', { data: [{ id: 1, name: 'Пётр' }], total: 1 }, 150);
    expect(await b.get('/v1/clients?limit=20')).toEqual({ data: [{ id: 1, name: 'Пётр' }], total: 1 });
    expect(await b.get('/v1/clients?limit=50')).toBeUndefined();
    await sleep(200);
    expect(await b.get('/v1/clients?limit=20')).toBeUndefined();
  });

  it('keeps two accounts apart', async () => {
    const connection = await redis.connect();
    const one = createRedisCache({ connection, namespace: redis.namespace() });
    const two = createRedisCache({ connection, namespace: redis.namespace() });
    await one.set('/v1/tags', ['a'], 10_000);
    expect(await two.get('/v1/tags')).toBeUndefined();
  });

  it('deletes one key, or every key with a prefix, on every instance', async () => {
    const namespace = redis.namespace();
    const a = createRedisCache({ connection: await redis.connect(), namespace });
    const b = createRedisCache({ connection: await redis.connect(), namespace });
    for (const key of ['/v1/messages?client_id=7&limit=20', '/v1/messages?client_id=7&limit=50', '/v1/messages?client_id=70', '/v1/dialogs']) {
      // oxlint-disable-next-line no-await-in-loop -- a few writes in order
      await a.set(key, key, 10_000);
    }
    await b.deletePrefix('/v1/messages?client_id=7&');
    expect(await a.get('/v1/messages?client_id=7&limit=20')).toBeUndefined();
    expect(await a.get('/v1/messages?client_id=7&limit=50')).toBeUndefined();
    expect(await a.get('/v1/messages?client_id=70')).toBe('/v1/messages?client_id=70');
    await b.delete('/v1/dialogs');
    expect(await a.get('/v1/dialogs')).toBeUndefined();
    await b.deletePrefix('');
    expect(await a.get('/v1/messages?client_id=70')).toBeUndefined();
  });

  it('does not keep index entries of values that expired', async () => {
    const namespace = redis.namespace();
    const connection = await redis.connect();
    const cache = createRedisCache({ connection, namespace });
    for (let n = 0; n < 50; n++) {
      // oxlint-disable-next-line no-await-in-loop -- writes in order
      await cache.set(`/v1/clients/${n}`, n, 20);
    }
    await sleep(40);
    await cache.set('/v1/tags', [], 10_000);
    expect(await connection.command(['ZCARD', `${namespace}cache:keys`])).toBe(1);
    expect(await connection.command(['ZCARD', `${namespace}cache:expiry`])).toBe(1);
  });

  it('ignores values it could not store and a TTL of zero', async () => {
    const cache = createRedisCache({ connection: await redis.connect(), namespace: redis.namespace() });
    await cache.set('a', undefined, 1000);
    await cache.set('b', 1, 0);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('refuses fast with 503 while Redis is down, and works again once it is back', async () => {
    const cache = createRedisCache({ connection: await redis.connect(), namespace: redis.namespace() });
    await redis.server.kill();
    try {
      const started = performance.now();
      await expect(cache.get('/v1/tags')).rejects.toMatchObject({ status: 503, code: 'unavailable' });
      await expect(cache.set('/v1/tags', [], 1000)).rejects.toMatchObject({ status: 503 });
      expect(performance.now() - started).toBeLessThan(200);
    } finally {
      await redis.server.restart();
    }
    await expect.poll(async () => Promise.resolve(cache.set('/v1/tags', ['back'], 1000)).then(() => cache.get('/v1/tags'), () => undefined), { timeout: 5000 }).toEqual(['back']);
  });
});
