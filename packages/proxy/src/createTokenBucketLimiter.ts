import type { RateLimiter } from './RateLimiter.js';

/** Options of {@link createTokenBucketLimiter}. */
export interface TokenBucketOptions {
  /** Sustained rate of upstream calls (default 5, Chat2Desk's assumed per-token budget). */
  requestsPerSecond?: number;
  /**
   * Calls allowed back to back before the rate applies (the bucket's size, default 1). Over any
   * interval of `t` seconds at most `burst + requestsPerSecond × t` calls start, so the default
   * never starts more than `requestsPerSecond` calls in any one second.
   */
  burst?: number;
  /** Longest a call waits in the queue before it is refused with a retry time (default 2000 ms). */
  maxWaitMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The default {@link RateLimiter}: a token bucket kept as one number, the "theoretical arrival
 * time" of the next call (GCRA). Waiting calls keep their reserved slot, so the queue is FIFO
 * and needs no array; a call whose slot is further away than `maxWaitMs` is refused at once.
 */
export function createTokenBucketLimiter(options: TokenBucketOptions = {}): RateLimiter {
  const rate = options.requestsPerSecond ?? 5;
  const burst = options.burst ?? 1;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new RangeError(`rateLimit.requestsPerSecond must be a positive number (got ${String(rate)})`);
  }
  if (!Number.isInteger(burst) || burst < 1) {
    throw new RangeError(`rateLimit.burst must be a positive integer (got ${String(burst)})`);
  }
  if (!(maxWaitMs >= 0)) {
    throw new RangeError(`rateLimit.maxWaitMs must be 0 or more (got ${String(maxWaitMs)})`);
  }
  const now = options.now ?? (() => performance.now());
  const interval = 1000 / rate;
  const tolerance = (burst - 1) * interval;
  let tat = -Infinity;

  return {
    async acquire() {
      const t = now();
      const start = Math.max(tat, t);
      const wait = start - tolerance - t;
      if (wait > maxWaitMs) return { ok: false, retryAfterMs: Math.ceil(wait) };
      tat = start + interval;
      // Timers may fire a fraction of a millisecond early; never start before the slot.
      if (wait > 0) await sleep(Math.ceil(wait) + 1);
      return { ok: true };
    },
    pause(ms) {
      tat = Math.max(tat, now() + ms + tolerance);
    },
  };
}
