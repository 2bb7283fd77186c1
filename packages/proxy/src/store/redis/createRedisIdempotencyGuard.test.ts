import { describe, expect, it, vi } from 'vitest';
import { ProxyError } from '../../ProxyError.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createIdempotencyGuard, type IdempotencyGuard } from '../createIdempotencyGuard.js';
import { createMemoryCache } from '../createMemoryCache.js';
import { createRedisIdempotencyGuard } from './createRedisIdempotencyGuard.js';

const redis = setupTestRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const request = (key: string, fingerprint = 'send:11:hi', scope: string | null = 'alice') => ({ scope, key, fingerprint });

/** A send that answers `value` after `ms`, counting its calls. */
function send<T>(value: T, ms = 0) {
  return vi.fn(async () => {
    await sleep(ms);
    return value;
  });
}

type OpenGuard = (options?: { ttlMs?: number }) => Promise<IdempotencyGuard>;

const implementations: Array<[string, OpenGuard]> = [
  ['memory', async (options = {}) => createIdempotencyGuard({ store: createMemoryCache(), ...options })],
  ['Redis', async (options = {}) => createRedisIdempotencyGuard({ connection: await redis.connect(), namespace: redis.namespace(), ...options })],
];

describe.each(implementations)('IdempotencyGuard contract: %s', (_name, open) => {
  it('runs once per key and answers the first result again', async () => {
    const guard = await open();
    const operation = send({ messageId: 1 });
    expect(await guard.run(request('k'), operation)).toEqual({ messageId: 1 });
    expect(await guard.run(request('k'), send({ messageId: 2 }))).toEqual({ messageId: 1 });
    expect(operation).toHaveBeenCalledTimes(1);
    expect(await guard.run(request('other'), send({ messageId: 3 }))).toEqual({ messageId: 3 });
  });

  it('runs once for concurrent duplicates', async () => {
    const guard = await open();
    const operation = send({ messageId: 1 }, 50);
    const answers = await Promise.all(Array.from({ length: 5 }, () => guard.run(request('same'), operation)));
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ messageId: 1 })));
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('refuses a key reused for a different request', async () => {
    const guard = await open();
    await guard.run(request('k'), send(1));
    await expect(guard.run(request('k', 'send:11:other'), send(2))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('idempotencyKey was already used') });
  });

  it('replays an ambiguous failure instead of running again', async () => {
    const guard = await open();
    const failing = vi.fn(async () => {
      throw new ProxyError(504, 'upstream_timeout', 'Chat2Desk did not answer within 10000 ms');
    });
    await expect(guard.run(request('amb'), failing)).rejects.toMatchObject({ status: 504, code: 'upstream_timeout' });
    const retry = send(1);
    await expect(guard.run(request('amb'), retry)).rejects.toMatchObject({ status: 504, message: 'Chat2Desk did not answer within 10000 ms' });
    expect(retry).not.toHaveBeenCalled();
  });

  it('forgets a failure that proves nothing was sent, so a retry runs', async () => {
    const guard = await open();
    await expect(
      guard.run(request('def'), async () => {
        throw new ProxyError(429, 'rate_limited', 'Too many requests to Chat2Desk right now; retry in 1 s', 1);
      }),
    ).rejects.toMatchObject({ status: 429 });
    expect(await guard.run(request('def'), send('sent'))).toBe('sent');
  });

  it('keeps the keys of different callers apart', async () => {
    const guard = await open();
    expect(await guard.run(request('k', 'f', 'alice'), send('alice'))).toBe('alice');
    expect(await guard.run(request('k', 'f', 'bob'), send('bob'))).toBe('bob');
    expect(await guard.run(request('k', 'f', null), send('anonymous'))).toBe('anonymous');
  });

  it('forgets a key after its TTL', async () => {
    const guard = await open({ ttlMs: 100 });
    await guard.run(request('ttl'), send(1));
    await sleep(150);
    expect(await guard.run(request('ttl'), send(2))).toBe(2);
  });
});

describe('createRedisIdempotencyGuard across instances', () => {
  const instances = async (count: number, options: { maxWaitMs?: number } = {}) => {
    const namespace = redis.namespace();
    return Promise.all(Array.from({ length: count }, async () => createRedisIdempotencyGuard({ connection: await redis.connect(), namespace, ...options })));
  };

  it('sends once for one key retried on three instances at once, and all answer the first result', async () => {
    const guards = await instances(3);
    const operation = send({ messageId: 77 }, 100);
    const answers = await Promise.all(guards.flatMap((guard) => [guard.run(request('retry'), operation), guard.run(request('retry'), operation)]));
    expect(answers).toEqual(Array.from({ length: 6 }, () => ({ messageId: 77 })));
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('lets a duplicate on another instance send after the first one was refused', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two guards expected');
    const refused = a.run(request('k'), async () => {
      await sleep(60);
      throw new ProxyError(400, 'bad_request', 'Chat2Desk refused the request');
    });
    await sleep(10);
    const retry = send('sent');
    const duplicate = b.run(request('k'), retry);
    await expect(refused).rejects.toMatchObject({ status: 400 });
    expect(await duplicate).toBe('sent');
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('answers 504, never sends again, when the first instance never reports an outcome', async () => {
    const [a, b] = await instances(2, { maxWaitMs: 200 });
    if (!a || !b) throw new Error('two guards expected');
    // The first instance's send hangs (its process would have died here).
    void a.run(request('lost'), () => new Promise(() => {}));
    await sleep(10);
    const retry = send('sent');
    await expect(b.run(request('lost'), retry)).rejects.toMatchObject({ status: 504, message: expect.stringContaining('may have been sent') });
    expect(retry).not.toHaveBeenCalled();
  });

  it('refuses with 503 and sends nothing while Redis is down, and guards again once it is back', async () => {
    const [guard] = await instances(1);
    if (!guard) throw new Error('a guard expected');
    await redis.server.kill();
    const operation = send('sent');
    try {
      await expect(guard.run(request('down'), operation)).rejects.toMatchObject({ status: 503, code: 'unavailable' });
      expect(operation).not.toHaveBeenCalled();
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => guard.run(request('down'), operation).catch(() => 'not yet'), { timeout: 5000 }).toBe('sent');
    expect(await guard.run(request('down'), send('again'))).toBe('sent');
    expect(operation).toHaveBeenCalledTimes(1);
  });
});
