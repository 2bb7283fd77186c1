import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createRedisLease } from './createRedisLease.js';

const redis = setupTestRedis();

describe('createRedisLease', () => {
  it('is held by one instance at a time, renewed by its holder, and free again once let go or lapsed', async () => {
    const key = `${redis.namespace()}lease`;
    const [a, b] = await Promise.all([1, 2].map(async () => createRedisLease({ connection: await redis.connect(), key })));
    if (!a || !b) throw new Error('two leases expected');
    expect(await a.acquire(10_000)).toBe(true);
    expect(await b.acquire(10_000)).toBe(false);
    expect(await a.acquire(200)).toBe(true); // renewed, now for 200 ms
    await b.release(); // not b's to let go
    expect(await b.acquire(10_000)).toBe(false);
    await expect.poll(() => b.acquire(10_000), { timeout: 5000 }).toBe(true);
    expect(await a.acquire(10_000)).toBe(false);
    await b.release();
    expect(await a.acquire(10_000)).toBe(true);
  });
});
