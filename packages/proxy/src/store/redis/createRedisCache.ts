import type { Cache } from '../Cache.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { LUA_NOW_MS } from './redisKeys.js';

/** Options of {@link createRedisCache}. */
export interface RedisCacheOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
}

// Values live under `<ns>cache:v:<key>` with a PX expiry. `deletePrefix` must not SCAN the whole
// keyspace, so every key is also in a sorted set of equal scores (`cache:keys`, ordered by key:
// a prefix is one ZRANGEBYLEX) and in one scored by expiry (`cache:expiry`), from which each
// write drops a few expired members, so the indexes do not grow with keys that are gone.
const SET = defineLua(`${LUA_NOW_MS}
local ttl = tonumber(ARGV[2])
local now = now_ms()
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
redis.call('ZADD', KEYS[2], 0, ARGV[3])
redis.call('ZADD', KEYS[3], now + ttl, ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 64)
if #expired > 0 then
  redis.call('ZREM', KEYS[2], unpack(expired))
  redis.call('ZREM', KEYS[3], unpack(expired))
end
return 1`);

const DELETE = defineLua(`redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1`);

// '\\255' never occurs in UTF-8, so '(' .. prefix .. '\\255' bounds every key with the prefix.
const DELETE_PREFIX = defineLua(`local members = redis.call('ZRANGEBYLEX', KEYS[1], '[' .. ARGV[2], '(' .. ARGV[2] .. '\\255')
for i = 1, #members, 500 do
  local chunk = {}
  local keys = {}
  for j = i, math.min(i + 499, #members) do
    chunk[#chunk + 1] = members[j]
    keys[#keys + 1] = ARGV[1] .. members[j]
  end
  redis.call('UNLINK', unpack(keys))
  redis.call('ZREM', KEYS[1], unpack(chunk))
  redis.call('ZREM', KEYS[2], unpack(chunk))
end
return #members`);

/**
 * A {@link Cache} in Redis, shared by every proxy instance of the account: values as JSON with
 * a Redis expiry. Redis's own `maxmemory` bounds it (the `sizeBytes` hint is not needed). Errors
 * propagate (a {@link RedisUnavailableError} while Redis is down): wrap it in
 * `createResilientCache` to read through to Chat2Desk instead.
 */
export function createRedisCache(options: RedisCacheOptions): Cache {
  const { connection } = options;
  const valuePrefix = `${options.namespace}cache:v:`;
  const keysIndex = `${options.namespace}cache:keys`;
  const expiryIndex = `${options.namespace}cache:expiry`;

  return {
    async get(key) {
      const text = await connection.command<string | null>(['GET', valuePrefix + key]);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    },
    async set(key, value, ttlMs) {
      if (!(ttlMs > 0)) return;
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return;
      await connection.run(SET, [valuePrefix + key, keysIndex, expiryIndex], [text, Math.ceil(ttlMs), key]);
    },
    async delete(key) {
      await connection.run(DELETE, [valuePrefix + key, keysIndex, expiryIndex], [key]);
    },
    async deletePrefix(prefix) {
      await connection.run(DELETE_PREFIX, [keysIndex, expiryIndex], [valuePrefix, prefix]);
    },
  };
}
