import { MAX_RETRY_AFTER_MS } from './backoff.js';
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

/**
 * The default {@link RateLimiter}: a token bucket refilled from the clock, with a FIFO queue of
 * waiting calls drained by one timer. Tokens are counted when a call really starts, so a
 * stalled event loop cannot release a backlog of calls at once. A call whose turn is further
 * away than `maxWaitMs` is refused at once with the time to wait.
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
  let tokens = burst;
  let refilledAt = now();
  const queue: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + (t - refilledAt) / interval);
    refilledAt = t;
  }

  function drain(): void {
    timer = undefined;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      queue.shift()?.();
    }
    schedule();
  }

  function reschedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    schedule();
  }

  function schedule(): void {
    if (timer !== undefined || queue.length === 0) return;
    // +1: timers may fire a fraction of a millisecond early.
    timer = setTimeout(drain, Math.max(0, Math.ceil((1 - tokens) * interval)) + 1);
  }

  return {
    acquire() {
      refill();
      if (queue.length === 0 && tokens >= 1) {
        tokens -= 1;
        return Promise.resolve({ ok: true });
      }
      const waitMs = (queue.length + 1 - tokens) * interval;
      if (waitMs > maxWaitMs) return Promise.resolve({ ok: false, retryAfterMs: Math.ceil(waitMs) });
      return new Promise((resolve) => {
        queue.push(() => resolve({ ok: true }));
        schedule();
      });
    },
    pause(ms) {
      refill();
      // A debt of tokens: the next one is earned `ms` from now (never more than a minute away).
      tokens = Math.min(tokens, 1 - Math.min(ms, MAX_RETRY_AFTER_MS) / interval);
      reschedule();
    },
    resume() {
      refill();
      if (tokens >= 0) return;
      // The debt is forgiven; the rate still applies, so the next slot is one interval away.
      tokens = 0;
      reschedule();
    },
  };
}
