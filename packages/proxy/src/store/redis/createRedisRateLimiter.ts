import { MAX_RETRY_AFTER_MS } from '../../upstream/backoff.js';
import type { RateLimiter } from '../../upstream/RateLimiter.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`): one budget per Chat2Desk token. */
  namespace: string;
  /** Calls per second across every instance (`C2D_PROXY_RATE_LIMIT`, default 5). */
  requestsPerSecond?: number;
  /** Calls allowed back to back before the rate applies (default 1: never more than `requestsPerSecond` in any second). */
  burst?: number;
  /** Longest a call waits for its slot before it is refused with a retry time (default 2000 ms). */
  maxWaitMs?: number;
  /**
   * Added to every second of the budget (default 20 ms): slots are handed out `(1000 + guardMs) /
   * requestsPerSecond` apart, and a call that could not start within `guardMs` of its slot (a
   * slow round trip to Redis, a late timer) takes a new slot instead. So no `requestsPerSecond + 1`
   * calls start within one second on any number of instances, however their timers fire.
   */
  guardMs?: number;
}

// GCRA (the token bucket as one timestamp, `tat`) on Redis's clock, in microseconds. A slot is
// reserved when granted: the caller is told how long to wait for it, so instances never race
// for a freed token. `rtat` is `tat` without pauses, which `resume` falls back to without
// handing out slots already reserved.
const ACQUIRE = defineLua(`local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tat', 'rtat')
local tat = math.max(tonumber(state[1] or '0'), now)
local wait = tat + interval - burst * interval - now
if wait > tonumber(ARGV[3]) then return {0, string.format('%d', wait)} end
local next = string.format('%d', tat + interval)
redis.call('HSET', KEYS[1], 'tat', next, 'rtat', next)
redis.call('PEXPIRE', KEYS[1], math.ceil((tat + interval - now) / 1000) + 60000)
return {1, string.format('%d', math.max(0, wait))}`);

const PAUSE = defineLua(`local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_tat = now + tonumber(ARGV[1]) + (tonumber(ARGV[3]) - 1) * tonumber(ARGV[2])
local tat = tonumber(redis.call('HGET', KEYS[1], 'tat') or '0')
if until_tat > tat then
  redis.call('HSET', KEYS[1], 'tat', string.format('%d', until_tat))
  redis.call('PEXPIRE', KEYS[1], math.ceil((until_tat - now) / 1000) + 60000)
end
return 1`);

const RESUME = defineLua(`local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local state = redis.call('HMGET', KEYS[1], 'tat', 'rtat')
local tat = tonumber(state[1] or '0')
local floor = math.max(tonumber(state[2] or '0'), now + tonumber(ARGV[2]) * tonumber(ARGV[1]))
if tat > floor then redis.call('HSET', KEYS[1], 'tat', string.format('%d', floor)) end
return 1`);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Checks the budget options shared by the Redis limiter and its local fallback. */
export function checkRateOptions(requestsPerSecond: number, burst: number, maxWaitMs: number): void {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`rateLimit.requestsPerSecond must be a positive number (got ${String(requestsPerSecond)}): set C2D_PROXY_RATE_LIMIT to calls per second`);
  }
  if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`rateLimit.burst must be a positive integer (got ${String(burst)})`);
  if (!(maxWaitMs >= 0)) throw new RangeError(`rateLimit.maxWaitMs must be 0 or more (got ${String(maxWaitMs)})`);
}

/**
 * A {@link RateLimiter} whose budget lives in Redis: every instance with the same token draws
 * from one bucket, decided by an atomic Lua script on Redis's clock, so the budget holds
 * whatever the instance count. A 429 seen by one instance (`pause`) holds every instance back.
 * Errors propagate (503 while Redis is down): `createResilientRateLimiter` falls back to a
 * local share of the budget.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const rate = options.requestsPerSecond ?? 5;
  const burst = options.burst ?? 1;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const guardMs = options.guardMs ?? 20;
  checkRateOptions(rate, burst, maxWaitMs);
  if (!(guardMs >= 0)) throw new RangeError(`rateLimit.guardMs must be 0 or more (got ${String(guardMs)})`);
  const intervalUs = Math.ceil(((1000 + guardMs) * 1000) / rate);
  const key = `${options.namespace}rate`;
  const { connection } = options;

  return {
    async acquire() {
      const deadline = performance.now() + maxWaitMs;
      for (;;) {
        const sentAt = performance.now();
        // oxlint-disable-next-line no-await-in-loop -- a new slot only after the last one was missed
        const [granted, waitUs] = await connection.run<[number, string]>(ACQUIRE, [key], [intervalUs, burst, Math.max(0, Math.round((deadline - sentAt) * 1000))]);
        const answeredAt = performance.now();
        const waitMs = Number(waitUs) / 1000;
        if (granted !== 1) return { ok: false, retryAfterMs: Math.ceil(waitMs) };
        const slot = answeredAt + waitMs;
        // oxlint-disable-next-line no-await-in-loop -- waiting for the slot is the point
        if (slot > performance.now()) await sleep(Math.ceil(slot - performance.now()));
        // The slot is ours from when Redis set it, which was at most the round trip before we
        // heard of it. Starting more than `guardMs` after it would crowd the next slot (a stalled
        // event loop wakes every sleeper at once): such a slot is dropped and a new one taken.
        const late = performance.now() - slot + (answeredAt - sentAt);
        if (late <= guardMs) return { ok: true };
      }
    },
    async pause(ms) {
      await connection.run(PAUSE, [key], [Math.round(Math.min(ms, MAX_RETRY_AFTER_MS) * 1000), intervalUs, burst]);
    },
    async resume() {
      await connection.run(RESUME, [key], [intervalUs, burst]);
    },
  };
}
