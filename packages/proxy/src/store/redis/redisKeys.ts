import { createHash } from 'node:crypto';

/** The default start of every key the proxy writes to Redis. */
export const DEFAULT_REDIS_KEY_PREFIX = 'c2d:';

/**
 * The key namespace of one Chat2Desk account: `<prefix>{<first 16 hex of SHA-256(token)>}:`.
 * Proxies with the same token share state (one rate budget, one cache); two accounts on one
 * Redis stay apart. The token itself never reaches Redis. The braces are a Redis Cluster hash
 * tag: every key of an account lands in one slot, so the multi-key scripts stay valid there.
 */
export function redisNamespace(token: string, keyPrefix: string = DEFAULT_REDIS_KEY_PREFIX): string {
  if (typeof token !== 'string' || token === '') throw new TypeError('the Redis stores need the Chat2Desk token (hashed into their keys; it is never stored)');
  return `${keyPrefix}{${createHash('sha256').update(token).digest('hex').slice(0, 16)}}:`;
}

/** The current time in milliseconds inside a Lua script: Redis's clock, the same for every instance. */
export const LUA_NOW_MS = `local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end`;
