import { afterEach, describe, expect, it } from 'vitest';
import { bucketViolations, mostInWindow } from '../../test/bucketViolations.js';
import { setupFakeUpstream } from '../../test/setupLiveProxy.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { upstreamClientFor } from '../../test/upstreamClientFor.js';
import type { RateLimiter } from '../../upstream/RateLimiter.js';
import { createInstanceHeartbeat } from './createInstanceHeartbeat.js';
import { createRedisRateLimiter } from './createRedisRateLimiter.js';
import { createResilientRateLimiter } from './createResilientRateLimiter.js';

const redis = setupTestRedis();
const upstream = setupFakeUpstream();
afterEach(() => upstream.reset());

/** An upstream client of one proxy instance with `limiter`, noting when it lets each call go. */
const instance = (limiter: RateLimiter, released: number[] = []) => upstreamClientFor(upstream, { limiter, onUpstreamCall: () => released.push(performance.now()) });

/** 10× `rate` for `seconds`, spread over `clients` in waves every 100 ms; answers how many went through. */
async function overload(clients: Array<ReturnType<typeof instance>>, rate: number, seconds: number) {
  const perWave = rate; // 10 waves a second of `rate` calls each: 10× the budget
  const waves = Array.from({ length: seconds * 10 }, (_, wave) =>
    new Promise((resolve) => setTimeout(resolve, wave * 100)).then(() =>
      Promise.allSettled(
        Array.from({ length: perWave }, (_item, i) => {
          const client = clients[(wave + i) % clients.length] as ReturnType<typeof instance>;
          return client.get(`/v1/clients?offset=${wave * perWave + i}`, (json) => json, { upstreamCalls: 0 });
        }),
      ),
    ),
  );
  const settled = (await Promise.all(waves)).flat();
  return {
    ok: settled.filter((result) => result.status === 'fulfilled').length,
    refused: settled.filter((result) => result.status === 'rejected' && (result.reason as { code?: string }).code === 'rate_limited').length,
    total: settled.length,
  };
}

describe('createRedisRateLimiter', () => {
  it('holds one budget across three instances under 10× overload, counted where Chat2Desk receives the calls', async () => {
    const namespace = redis.namespace();
    const rate = 10;
    const limiters = await Promise.all([1, 2, 3].map(async () => createRedisRateLimiter({ connection: await redis.connect(), namespace, requestsPerSecond: rate, maxWaitMs: 500 })));
    const released: number[] = [];
    const clients = limiters.map((limiter) => instance(limiter, released));
    // Each instance opens its connection to Chat2Desk first: a first call's TCP handshake is
    // not what this measures, and would make its arrival look later than its start.
    // (Settled, not all answered: on a loaded machine a warm-up call may miss its slot and be refused.)
    await Promise.allSettled(clients.map((client) => client.get('/v1/tags', (json) => json, { upstreamCalls: 0 })));
    released.length = 0;
    upstream.reset();
    const result = await overload(clients, rate, 2);
    expect(result.ok + result.refused).toBe(result.total);
    // About 2 s of sending + 0.5 s of queue at 10/s, shared by the three: some 25. Fewer on a
    // loaded machine, where a call that wakes up later than the guard after its slot gives it
    // up and queues again; never more.
    expect(result.ok).toBeGreaterThanOrEqual(6);
    expect(result.ok).toBeLessThanOrEqual(26);
    const arrivals = upstream.calls.map((call) => call.at);
    expect(arrivals).toHaveLength(result.ok);
    // When the instances let each call go: never more than the budget in any second.
    expect(mostInWindow(released, 1000)).toBeLessThanOrEqual(rate);
    expect(bucketViolations(released, { requestsPerSecond: rate, burst: 1, jitterMs: 20 })).toEqual([]);
    // When they reached Chat2Desk: within the bucket, allowing for socket and event-loop jitter.
    expect(bucketViolations(arrivals, { requestsPerSecond: rate, burst: 1, jitterMs: 50 })).toEqual([]);
  });

  it('lets a burst through at once, then keeps to the rate', async () => {
    const limiter = createRedisRateLimiter({ connection: await redis.connect(), namespace: redis.namespace(), requestsPerSecond: 10, burst: 3, maxWaitMs: 0 });
    const decisions = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()));
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(3);
    expect(decisions.find((decision) => !decision.ok)).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
  });

  it('refuses a call whose slot is further away than maxWaitMs, with the time to wait', async () => {
    // A wide guard (slots 700 ms apart): a loaded machine waking the second call late must not
    // make it give its slot up, which is not what this test is about.
    const limiter = createRedisRateLimiter({ connection: await redis.connect(), namespace: redis.namespace(), requestsPerSecond: 2, guardMs: 400, maxWaitMs: 800 });
    const decisions = await Promise.all(Array.from({ length: 3 }, () => limiter.acquire()));
    expect(decisions.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
    const refused = decisions[2] as { ok: false; retryAfterMs: number };
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(800);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1400);
  });

  it("holds every instance back after one of them saw Chat2Desk's 429, until the pause ends or is lifted", async () => {
    const namespace = redis.namespace();
    const [a, b] = await Promise.all([1, 2].map(async () => createRedisRateLimiter({ connection: await redis.connect(), namespace, requestsPerSecond: 100, maxWaitMs: 2000 })));
    if (!a || !b) throw new Error('two limiters expected');
    await a.pause?.(400);
    let started = performance.now();
    expect(await b.acquire()).toEqual({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);

    await a.pause?.(1500);
    await a.resume?.();
    started = performance.now();
    expect(await b.acquire()).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a rate that is not a positive number, saying which variable sets it', async () => {
    const connection = await redis.connect();
    expect(() => createRedisRateLimiter({ connection, namespace: redis.namespace(), requestsPerSecond: 0 })).toThrow(/C2D_PROXY_RATE_LIMIT/);
  });
});

describe('createResilientRateLimiter', () => {
  it('falls back to each instance its share of the budget while Redis is down, and returns to the shared budget after', async () => {
    const namespace = redis.namespace();
    const rate = 9;
    const switches: string[] = [];
    const limiters = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const connection = await redis.connect();
        const heartbeat = createInstanceHeartbeat({ connection, namespace, intervalMs: 60_000 });
        redis.cleanup(() => heartbeat.close());
        await heartbeat.beat();
        const shared = createRedisRateLimiter({ connection, namespace, requestsPerSecond: rate, maxWaitMs: 500 });
        return {
          connection,
          heartbeat,
          limiter: createResilientRateLimiter({ shared, connection, requestsPerSecond: rate, maxWaitMs: 500, instances: heartbeat.count, onSwitch: (to) => switches.push(`${n}:${to}`) }),
        };
      }),
    );
    // The count is that of each instance's last beat: the first one saw only itself, so beat again.
    expect(limiters.map(({ heartbeat }) => heartbeat.count()).toSorted()).toEqual([1, 2, 3]);
    expect(await Promise.all(limiters.map(({ heartbeat }) => heartbeat.beat()))).toEqual([3, 3, 3]);
    const released: number[] = [];
    const clients = limiters.map(({ limiter }) => instance(limiter, released));

    await redis.server.kill();
    try {
      const down = await overload(clients, rate, 2);
      expect(down.ok + down.refused).toBe(down.total);
      expect(switches.toSorted()).toEqual(['1:local', '2:local', '3:local']);
      // Each instance keeps to 3/s: together within the budget, and still serving.
      expect(down.ok).toBeGreaterThanOrEqual(12);
      // Three buckets of 3/s out of step with each other: the budget holds per second, not as one bucket.
      expect(mostInWindow(released, 1000)).toBeLessThanOrEqual(rate);
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => limiters.every(({ connection }) => connection.ready), { timeout: 5000 }).toBe(true);
    const up = await overload(clients, rate, 1);
    expect(switches.filter((entry) => entry.endsWith(':shared')).toSorted()).toEqual(['1:shared', '2:shared', '3:shared']);
    // About 13 (1 s at 9/s plus the queue); far fewer on a loaded machine, where calls that wake
    // past the guard give their slots up.
    expect(up.ok).toBeGreaterThanOrEqual(3);
    // Across the outage and the recovery alike.
    expect(mostInWindow(released, 1000)).toBeLessThanOrEqual(rate);
  });
});
