import type { RateLimiter } from '../../upstream/RateLimiter.js';
import type { Cache } from '../Cache.js';
import type { ConsoleStores, ConsoleStoresOptions } from '../ConsoleStores.js';
import type { IdempotencyGuard } from '../createIdempotencyGuard.js';
import type { Lease } from '../Lease.js';
import type { SharedFlight } from '../SharedFlight.js';
import { createInstanceHeartbeat } from './createInstanceHeartbeat.js';
import { createRedisCache } from './createRedisCache.js';
import { createRedisClientIndex } from './createRedisClientIndex.js';
import { createRedisConnection, redactRedisUrl, type RedisHealth } from './createRedisConnection.js';
import { createRedisEventLog } from './createRedisEventLog.js';
import { createRedisIdempotencyGuard } from './createRedisIdempotencyGuard.js';
import { createRedisLease } from './createRedisLease.js';
import { createRedisRateLimiter } from './createRedisRateLimiter.js';
import { createRedisSharedFlight } from './createRedisSharedFlight.js';
import { createRedisTransferStore } from './createRedisTransferStore.js';
import { createResilientCache } from './createResilientCache.js';
import { createResilientRateLimiter } from './createResilientRateLimiter.js';
import { redisNamespace } from './redisKeys.js';

/** Options of {@link createRedisStores}. */
export interface RedisStoresOptions extends ConsoleStoresOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` (`C2D_PROXY_REDIS_URL`). */
  url: string;
  /** The Chat2Desk token: hashed into the key namespace (one budget per token); never stored. */
  token: string;
  /** Start of every key (default `c2d:`). */
  keyPrefix?: string;
  /** The shared budget (`C2D_PROXY_RATE_LIMIT`; default 5/s, burst 1, 2 s of queue), or `false` for none. */
  rateLimit?: { requestsPerSecond?: number; burst?: number; maxWaitMs?: number; guardMs?: number } | false;
  /**
   * How many instances share the budget, for their local share while Redis is down
   * (`C2D_PROXY_INSTANCES`). Default: counted by a heartbeat in Redis while it is up.
   */
  instances?: number;
  /** How long an `idempotencyKey` is remembered (default 10 minutes). */
  idempotencyTtlMs?: number;
  /** Longest a command may take before Redis counts as unreachable (default 1000 ms). */
  commandTimeoutMs?: number;
  /**
   * How long the creation waits for Redis (default 5000 ms). Past it the stores start degraded,
   * as during an outage (`health()` says why), and catch up once Redis answers.
   */
  connectTimeoutMs?: number;
  /** Receives one line each time the proxy starts or stops degrading (`rate limit: local share…`). */
  onDegraded?: (message: string) => void;
}

/** Whether Redis answers, for `/health`, and how many instances share it. */
export interface RedisStoresHealth extends RedisHealth {
  /** Instances seen alive by the heartbeat (or as configured). */
  instances: number;
}

/** Everything the proxy shares through Redis: the three console stores, and the request-path state. */
export interface RedisStores extends ConsoleStores {
  /** The shared cache of upstream GETs; reads miss (and writes are skipped) while Redis is down. */
  cache: Cache;
  /** One budget per token; this instance's share of it while Redis is down. `null` with `rateLimit: false`. */
  rateLimiter: RateLimiter | null;
  /** Idempotency keys of `POST /messages`; refuses with 503 while Redis is down. */
  idempotency: IdempotencyGuard;
  /** One upstream call for identical reads across instances. */
  sharedFlight: SharedFlight;
  /** Held by the one instance running the client index pass for all of them. */
  clientIndexLease: Lease;
  /** Redis's state for `/health`. */
  health(): RedisStoresHealth;
}

/**
 * Connects to Redis and creates every store the proxy shares across instances (see
 * {@link RedisStores}): the rate budget, the cache and in-flight reads, idempotency keys, the
 * event log on a stream, transfers and the client index. Four connections: commands,
 * pub/sub, and one blocking stream reader each for events and client changes. Waits up to
 * `connectTimeoutMs` for Redis; one that does not answer by then is an outage from the start:
 * the stores run degraded (see each one) and reconnect on their own, at start as later.
 * Throws only for options it cannot run with (a malformed URL). Import this module on first use
 * (`await import(...)`, as the embedded store does with SQLite), so that a proxy without Redis
 * never loads `@redis/client`.
 */
export async function createRedisStores(options: RedisStoresOptions): Promise<RedisStores> {
  const namespace = redisNamespace(options.token, options.keyPrefix);
  const base = { url: options.url, commandTimeoutMs: options.commandTimeoutMs };
  const connection = createRedisConnection({ ...base, name: 'c2d-proxy' });
  const opened = [connection];
  const duplicate = (name: string) => {
    const another = connection.duplicate(name);
    opened.push(another);
    return another;
  };
  const closeAll = () => Promise.all(opened.map((one) => one.close()));
  try {
    if (options.instances !== undefined && (!Number.isSafeInteger(options.instances) || options.instances < 1)) {
      throw new RangeError(`redis instances must be a positive integer (got ${String(options.instances)}): set C2D_PROXY_INSTANCES to the number of proxy instances, or leave it out to count them`);
    }
    const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    const reachable = await connection.whenReady(connectTimeoutMs);
    // Waited for once: the parts below do not wait again for a Redis that is down.
    const waitMs = reachable ? connectTimeoutMs : 0;
    if (!reachable) {
      options.onDegraded?.(`Redis at ${redactRedisUrl(options.url)} does not answer (${connection.health().reason ?? 'no answer'}): starting degraded until it does; check C2D_PROXY_REDIS_URL if it never does`);
    }
    const heartbeat = createInstanceHeartbeat({ connection, namespace });
    // Counted again by the heartbeat's timer once Redis answers; until then, one instance.
    if (reachable) await heartbeat.beat().catch(() => {});
    const instances = options.instances === undefined ? heartbeat.count : () => options.instances as number;

    const sharedCache = createRedisCache({ connection, namespace });
    let cacheDown = false;
    const cache = createResilientCache(sharedCache, () => {
      if (!cacheDown) options.onDegraded?.('cache: Redis unreachable, reading through to Chat2Desk');
      cacheDown = true;
    });
    connection.onReady(() => {
      if (cacheDown) options.onDegraded?.('cache: Redis back, shared again');
      cacheDown = false;
    });

    const rate = options.rateLimit === false ? undefined : { ...options.rateLimit, requestsPerSecond: options.rateLimit?.requestsPerSecond ?? 5 };
    const rateLimiter = rate
      ? createResilientRateLimiter({
          shared: createRedisRateLimiter({ connection, namespace, ...rate }),
          connection,
          requestsPerSecond: rate.requestsPerSecond,
          maxWaitMs: rate.maxWaitMs,
          instances,
          onSwitch: (to, count) =>
            options.onDegraded?.(
              to === 'local' ? `rate limit: Redis unreachable, keeping to this instance's share (${rate.requestsPerSecond}/${count} per second)` : 'rate limit: Redis back, one shared budget again',
            ),
        })
      : null;

    // Each opens a connection of its own: together, so the start waits for the slower one only.
    const [sharedFlight, clientIndex] = await Promise.all([
      createRedisSharedFlight({ connection, subscriber: duplicate('c2d-proxy-flight'), namespace, cache: sharedCache, subscribeWaitMs: waitMs }),
      createRedisClientIndex({
        connection,
        namespace,
        openFollowerConnection: () => duplicate('c2d-proxy-clients'),
        onError: options.onListenerError,
        loadWaitMs: waitMs,
      }),
    ]);
    const eventLog = createRedisEventLog({
      connection,
      namespace,
      retentionMs: options.eventRetentionMs,
      now: options.now,
      onListenerError: options.onListenerError,
      openFollowerConnection: () => duplicate('c2d-proxy-events'),
    });
    const transfers = createRedisTransferStore({ connection, namespace, now: options.now });
    const idempotency = createRedisIdempotencyGuard({ connection, namespace, ttlMs: options.idempotencyTtlMs });

    let closed = false;
    return {
      eventLog,
      transfers,
      clientIndex,
      cache,
      rateLimiter,
      idempotency,
      sharedFlight,
      clientIndexLease: createRedisLease({ connection, key: `${namespace}clients:pass` }),
      health: () => ({ ...connection.health(), instances: instances() }),
      async close() {
        if (closed) return;
        closed = true;
        await Promise.all([eventLog.close(), transfers.close(), clientIndex.close(), sharedFlight.close(), heartbeat.close()]);
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
