import { randomUUID } from 'node:crypto';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { LUA_NOW_MS } from './redisKeys.js';

/** Options of {@link createInstanceHeartbeat}. */
export interface InstanceHeartbeatOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** How often this instance reports itself (default 5 s). */
  intervalMs?: number;
  /** Receives what a beat failed with while Redis was up (default: nothing; a down Redis is in `/health`). */
  onError?: (error: unknown) => void;
}

/** This instance's presence in Redis, and how many instances were seen alive. */
export interface InstanceHeartbeat {
  /** This instance's id in the set. */
  readonly id: string;
  /** Instances that beat within three intervals at the last beat (at least 1; the last count while Redis is down). */
  count(): number;
  /** Beats once now (and answers the count); the timer does it every interval. */
  beat(): Promise<number>;
  /** Stops beating and leaves the set. */
  close(): Promise<void>;
}

// One sorted set of instance ids scored by their last beat (Redis's clock): beat, forget the
// instances silent for three intervals, count the rest.
const BEAT = defineLua(`${LUA_NOW_MS}
local now = now_ms()
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return redis.call('ZCARD', KEYS[1])`);

/**
 * Tells the other instances this one is alive and counts them, so that while Redis is down each
 * instance can keep to its share of the rate budget (`rate / count`) without being configured
 * with the instance count.
 */
export function createInstanceHeartbeat(options: InstanceHeartbeatOptions): InstanceHeartbeat {
  const intervalMs = options.intervalMs ?? 5000;
  const key = `${options.namespace}instances`;
  const id = randomUUID();
  let count = 1;
  let closed = false;

  const beat = async () => {
    count = Math.max(1, await options.connection.run<number>(BEAT, [key], [id, intervalMs * 3]));
    return count;
  };
  const timer = setInterval(() => {
    if (!options.connection.ready) return;
    beat().catch((error: unknown) => options.onError?.(error));
  }, intervalMs);
  timer.unref();

  return {
    id,
    count: () => count,
    beat,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      if (options.connection.ready) await options.connection.command(['ZREM', key, id]).catch(() => {});
    },
  };
}
