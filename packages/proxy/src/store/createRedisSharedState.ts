import type { RedisHealth } from '@c2d-console/core';
import type { ResolvedProxyOptions } from '../options.js';
import type { RateLimiter } from '../upstream/RateLimiter.js';
import type { Cache } from './Cache.js';
import type { ConsoleStores } from './ConsoleStores.js';
import type { IdempotencyGuard } from './createIdempotencyGuard.js';
import type { Lease } from './Lease.js';
import type { RedisStores } from './redis/createRedisStores.js';
import type { SharedFlight } from './SharedFlight.js';

/**
 * Everything the proxy shares with its other instances through Redis, usable at once although
 * Redis is opened on first use: each part waits for the opening, then forwards. `createProxy`
 * is synchronous and a serverless runtime allows no I/O before a request, so nothing connects
 * before the first request that needs Redis.
 */
export interface RedisSharedState {
  /** The shared cache of upstream GETs; null with `cache: false`. */
  cache: Cache | null;
  /** The shared budget of the token; null with `rateLimit: false`. */
  rateLimiter: RateLimiter | null;
  /** One upstream call for identical reads on any instance; null without a cache. */
  sharedFlight: SharedFlight | null;
  /** Idempotency keys of sends and operator actions, across instances. */
  idempotency: IdempotencyGuard;
  /** The event log, transfers and client index (closed with the rest by {@link close}). */
  stores(): Promise<ConsoleStores>;
  /** Held by the one instance running the client index pass for all of them. */
  clientIndexLease(): Promise<Lease>;
  /** Whether Redis answers, and if not why, for `/health` (never rejects). */
  health(): Promise<RedisHealth>;
  /** Closes what the proxy opened (the host's own stores are left open). */
  close(): Promise<void>;
}

/**
 * Creates the {@link RedisSharedState} of a live proxy with the `redis` option; opens nothing
 * until one of its parts is used.
 */
export function createRedisSharedState(options: ResolvedProxyOptions): RedisSharedState {
  const { logger } = options;
  if (!options.redis || !options.token) throw new Error('createRedisSharedState needs the redis option, in live mode');
  const redis = options.redis;
  const token = options.token;
  const line = (level: 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}) => {
    const text = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    if (level === 'error') logger.error(text);
    else logger.info(text);
  };
  const rateLimit = redis.kind === 'url' ? redis.rateLimit : undefined;
  const cached = options.cache !== null;

  async function open(): Promise<RedisStores> {
    if (redis.kind === 'given') return redis.stores;
    // Imported here only: the web-standard entry (Workers) never loads @redis/client or node:crypto.
    const { createRedisStores } = await import('./redis/createRedisStores.js');
    return createRedisStores({
      url: redis.url,
      token,
      keyPrefix: redis.keyPrefix,
      instances: redis.instances,
      commandTimeoutMs: redis.commandTimeoutMs,
      connectTimeoutMs: redis.connectTimeoutMs,
      rateLimit: rateLimit === false ? false : { requestsPerSecond: rateLimit?.requestsPerSecond, burst: rateLimit?.burst, maxWaitMs: rateLimit?.maxWaitMs },
      idempotencyTtlMs: options.idempotencyTtlMs,
      eventRetentionMs: options.live.eventRetentionMs,
      onListenerError: (error) => line('error', 'event listener failed', { error: String((error as Error)?.message ?? error) }),
      onDegraded: (message) => line('warn', `redis: ${message}`),
    });
  }

  let opening: Promise<RedisStores> | undefined;
  let closed = false;
  const opened = (): Promise<RedisStores> => {
    if (closed) return Promise.reject(new Error('the proxy is closed'));
    opening ??= open().catch((error: unknown) => {
      // Only options it cannot run with get here (Redis being down does not): say so, and try again next time.
      opening = undefined;
      throw error;
    });
    return opening;
  };

  return {
    cache: cached
      ? {
          get: async (key) => (await opened()).cache.get(key),
          set: async (key, value, ttlMs, sizeBytes) => (await opened()).cache.set(key, value, ttlMs, sizeBytes),
          delete: async (key) => (await opened()).cache.delete(key),
          deletePrefix: async (prefix) => (await opened()).cache.deletePrefix(prefix),
        }
      : null,
    rateLimiter:
      rateLimit === false
        ? null
        : {
            acquire: async () => {
              const { rateLimiter } = await opened();
              return rateLimiter ? rateLimiter.acquire() : { ok: true };
            },
            pause: async (ms) => (await opened()).rateLimiter?.pause?.(ms),
            resume: async () => (await opened()).rateLimiter?.resume?.(),
          },
    sharedFlight: cached ? { run: async (key, fetch) => (await opened()).sharedFlight.run(key, fetch), close: async () => {} } : null,
    idempotency: { run: async (request, operation) => (await opened()).idempotency.run(request, operation) },
    async stores() {
      const shared = await opened();
      // The live console closes the stores it opens; these close with the rest, in close().
      return { eventLog: shared.eventLog, transfers: shared.transfers, clientIndex: shared.clientIndex, close: async () => {} };
    },
    clientIndexLease: async () => (await opened()).clientIndexLease,
    async health() {
      try {
        return (await opened()).health();
      } catch (error) {
        return { status: 'down', reason: error instanceof Error ? error.message : String(error), since: new Date().toISOString(), instances: 1 };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      const stores = await opening?.catch(() => undefined);
      if (stores && redis.kind === 'url') await stores.close();
    },
  };
}
