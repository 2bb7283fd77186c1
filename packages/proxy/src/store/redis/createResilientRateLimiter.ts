import { createTokenBucketLimiter } from '../../upstream/createTokenBucketLimiter.js';
import type { RateLimiter } from '../../upstream/RateLimiter.js';
import type { RedisConnection } from './createRedisConnection.js';
import { isRedisUnavailable } from './RedisUnavailableError.js';

/** Options of {@link createResilientRateLimiter}. */
export interface ResilientRateLimiterOptions {
  /** The budget shared through Redis (`createRedisRateLimiter`). */
  shared: RateLimiter;
  /** Its connection: while it is down the shared budget is not even asked. */
  connection: RedisConnection;
  /** The whole budget, calls per second across every instance. */
  requestsPerSecond: number;
  /** Longest a call waits for a local slot (default 2000 ms). */
  maxWaitMs?: number;
  /** How many instances share the budget: configured (`C2D_PROXY_INSTANCES`) or counted by the heartbeat. */
  instances: () => number;
  /** Told each time the limiter switches between the shared budget and the local share. */
  onSwitch?: (to: 'shared' | 'local', instances: number) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A {@link RateLimiter} that uses the shared Redis budget while Redis answers and, while it
 * does not, this instance's share of the budget (`requestsPerSecond / instances`) in memory, so
 * that N instances together still stay within it. At each switch an instance lets one local
 * interval pass (after its last local call, or after switching to local), so the calls of the
 * last moment on one side and the first ones on the other do not add up to more than the budget.
 */
export function createResilientRateLimiter(options: ResilientRateLimiterOptions): RateLimiter {
  const { shared, connection } = options;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  let local: { limiter: RateLimiter; instances: number; intervalMs: number } | undefined;
  let lastLocalAt = Number.NEGATIVE_INFINITY;
  let using: 'shared' | 'local' = 'shared';

  const localShare = () => {
    const instances = Math.max(1, Math.floor(options.instances()));
    if (local?.instances !== instances) {
      const requestsPerSecond = options.requestsPerSecond / instances;
      local = { limiter: createTokenBucketLimiter({ requestsPerSecond, burst: 1, maxWaitMs }), instances, intervalMs: 1000 / requestsPerSecond };
    }
    return local;
  };
  const switchTo = async (to: 'shared' | 'local') => {
    if (using === to) return;
    using = to;
    const share = localShare();
    // Going local: the shared budget's last slots were handed out a moment ago, so the first
    // local slot is one local interval away (the mirror of the hold on the way back).
    if (to === 'local') await share.limiter.pause?.(share.intervalMs);
    options.onSwitch?.(to, share.instances);
  };

  return {
    async acquire() {
      if (connection.ready) {
        try {
          const decision = await shared.acquire();
          if (decision.ok) {
            const hold = lastLocalAt + (local?.intervalMs ?? 0) - performance.now();
            if (hold > 0) await sleep(Math.ceil(hold));
          }
          await switchTo('shared');
          return decision;
        } catch (error) {
          if (!isRedisUnavailable(error)) throw error;
        }
      }
      await switchTo('local');
      const decision = await localShare().limiter.acquire();
      if (decision.ok) lastLocalAt = performance.now();
      return decision;
    },
    async pause(ms) {
      await localShare().limiter.pause?.(ms);
      await Promise.resolve(shared.pause?.(ms)).catch((error: unknown) => {
        if (!isRedisUnavailable(error)) throw error;
      });
    },
    async resume() {
      await localShare().limiter.resume?.();
      await Promise.resolve(shared.resume?.()).catch((error: unknown) => {
        if (!isRedisUnavailable(error)) throw error;
      });
    },
  };
}
