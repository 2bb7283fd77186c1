import { describe, expect, it } from 'vitest';
import { createTokenBucketLimiter } from './createTokenBucketLimiter.js';
import { bucketViolations } from '../test/bucketViolations.js';

describe('createTokenBucketLimiter', () => {
  it('spaces calls at the configured rate, FIFO, with no burst by default', async () => {
    // 20/s (one call per 50 ms) leaves room for timers that fire late on a loaded machine.
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 20, maxWaitMs: 1000 });
    const started = performance.now();
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        expect(await limiter.acquire()).toEqual({ ok: true });
        order.push(i);
        times.push(performance.now() - started);
      }),
    );
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    // Times are taken after each timer fired, which can be late under load.
    expect(bucketViolations(times, { requestsPerSecond: 20, burst: 1, jitterMs: 20 })).toEqual([]);
    // ...and the check itself catches calls that were let through together.
    expect(bucketViolations([0, 1, 2], { requestsPerSecond: 20, burst: 1, jitterMs: 20 })).not.toEqual([]);
    expect(times.at(-1)).toBeGreaterThanOrEqual(445);
  });

  it('does not release a backlog at once after the event loop stalled', async () => {
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 100, maxWaitMs: 1000 });
    await limiter.acquire();
    const times: number[] = [performance.now()];
    const done = Promise.all(
      Array.from({ length: 5 }, () => limiter.acquire().then(() => times.push(performance.now()))),
    );
    const stallUntil = performance.now() + 80;
    while (performance.now() < stallUntil) {
      // busy: every waiting timer is overdue when this ends
    }
    await done;
    expect(bucketViolations(times, { requestsPerSecond: 100, burst: 1, jitterMs: 1 })).toEqual([]);
  });

  it('lets `burst` calls through at once', async () => {
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 10, burst: 4, maxWaitMs: 0 });
    const decisions = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(decisions.filter((d) => d.ok)).toHaveLength(4);
    expect(decisions[4]).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
  });

  it('refuses a call whose slot is further away than maxWaitMs, saying when to retry', async () => {
    let time = 0;
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 10, maxWaitMs: 150, now: () => time });
    expect(await limiter.acquire()).toEqual({ ok: true }); // slot at 0
    const second = limiter.acquire(); // slot at 100 ms: waits
    const third = await limiter.acquire(); // slot at 200 ms: beyond 150 ms
    expect(third).toEqual({ ok: false, retryAfterMs: 200 });
    time = 100;
    expect(await second).toEqual({ ok: true });
  });

  it('pause() holds every slot back for the given time', async () => {
    let time = 0;
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 100, burst: 5, maxWaitMs: 500, now: () => time });
    limiter.pause?.(1000);
    expect(await limiter.acquire()).toEqual({ ok: false, retryAfterMs: 1000 });
    time = 1000;
    expect(await limiter.acquire()).toEqual({ ok: true });
  });

  it('pause() holds slots back for 60 s at most, however long it is asked for', async () => {
    let time = 0;
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 100, maxWaitMs: 500, now: () => time });
    limiter.pause?.(86_400_000);
    expect(await limiter.acquire()).toEqual({ ok: false, retryAfterMs: 60_000 });
    time = 60_000;
    expect(await limiter.acquire()).toEqual({ ok: true });
  });

  it('resume() lifts a pause early, keeping the rate', async () => {
    let time = 0;
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 100, maxWaitMs: 0, now: () => time });
    limiter.pause?.(30_000);
    expect(await limiter.acquire()).toEqual({ ok: false, retryAfterMs: 30_000 });
    limiter.resume?.();
    time = 10; // one interval later
    expect(await limiter.acquire()).toEqual({ ok: true });
    expect(await limiter.acquire()).toEqual({ ok: false, retryAfterMs: 10 });
  });

  it('rejects nonsense options with a message naming the option', () => {
    expect(() => createTokenBucketLimiter({ requestsPerSecond: 0 })).toThrow(/requestsPerSecond must be a positive number/);
    expect(() => createTokenBucketLimiter({ burst: 1.5 })).toThrow(/burst must be a positive integer/);
  });
});
