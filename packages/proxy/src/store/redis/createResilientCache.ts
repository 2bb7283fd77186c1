import type { Cache } from '../Cache.js';
import { isRedisUnavailable } from './RedisUnavailableError.js';

/**
 * A {@link Cache} over a shared one that keeps the proxy reading while the shared cache is
 * unreachable: a read misses (the proxy asks Chat2Desk, under the rate limiter), a write or
 * delete is skipped. Entries live seconds, so one skipped invalidation costs at most one TTL of
 * staleness once Redis is back. Other errors (bugs) still throw.
 */
export function createResilientCache(shared: Cache, onUnavailable: (error: unknown) => void = () => {}): Cache {
  const tolerate = (error: unknown) => {
    if (!isRedisUnavailable(error)) throw error;
    onUnavailable(error);
  };
  return {
    async get(key) {
      try {
        return await shared.get(key);
      } catch (error) {
        tolerate(error);
        return undefined;
      }
    },
    async set(key, value, ttlMs, sizeBytes) {
      await Promise.resolve(shared.set(key, value, ttlMs, sizeBytes)).catch(tolerate);
    },
    async delete(key) {
      await Promise.resolve(shared.delete(key)).catch(tolerate);
    },
    async deletePrefix(prefix) {
      await Promise.resolve(shared.deletePrefix(prefix)).catch(tolerate);
    },
  };
}
