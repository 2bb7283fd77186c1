import { randomUUID } from 'node:crypto';
import { isProxyError, ProxyError, type ProxyErrorCode } from '../../ProxyError.js';
import type { Cache } from '../Cache.js';
import type { SharedFlight } from '../SharedFlight.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { isRedisUnavailable } from './RedisUnavailableError.js';

/** Options of {@link createRedisSharedFlight}. */
export interface RedisSharedFlightOptions {
  connection: RedisConnection;
  /** A connection of its own for pub/sub (a subscribed connection takes no other commands). */
  subscriber: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** The shared cache the fetches write to (`createRedisCache`, not the resilient wrapper). */
  cache: Cache;
  /**
   * How long a fetching instance holds a key (default 15 s, longer than a read with its
   * retries). If it dies, another instance takes over once the lock expires.
   */
  lockTtlMs?: number;
  /** How long a failure is shared with the instances that waited for it (default 1 s). */
  errorTtlMs?: number;
  /**
   * How long to wait for the subscription before answering (default 5000 ms; 0 when Redis is
   * known to be down). Past it the flight works without it (waiters poll) and subscribes as
   * soon as Redis answers.
   */
  subscribeWaitMs?: number;
}

interface SharedError {
  status: number;
  code: ProxyErrorCode;
  message: string;
  retryAfter?: number;
}

// Unlocks only this fetch's lock (an expired one may be another instance's by now), then wakes
// the waiters on every instance.
const RELEASE = defineLua(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', KEYS[2], ARGV[2])
return 1`);

// Waiters poll as well, in case a wake-up was lost while the subscriber reconnected.
const POLL_MS = 250;

/**
 * A {@link SharedFlight} on Redis: the first instance takes a short lock (`SET NX PX`), fetches,
 * lets the fetch write the shared cache, and publishes the key; the others wait for that
 * message (or poll) and read the cache. A failure Chat2Desk answered is shared for a second so
 * waiters answer it too rather than each asking again. While Redis is down every instance
 * fetches for itself.
 */
export async function createRedisSharedFlight(options: RedisSharedFlightOptions): Promise<SharedFlight> {
  const { connection, cache } = options;
  const lockTtlMs = options.lockTtlMs ?? 15_000;
  const errorTtlMs = options.errorTtlMs ?? 1000;
  const channel = `${options.namespace}flight`;
  const waiters = new Map<string, Set<() => void>>();
  const wake = (key: string) => {
    for (const waiter of waiters.get(key) ?? []) waiter();
  };
  let closed = false;
  // Subscribed once, node-redis subscribes again by itself after each reconnect; until then
  // (Redis down at start) this keeps trying, and waiters poll meanwhile.
  const running = () => !closed; // set by close(), between two attempts
  const subscribed = (async () => {
    for (let failures = 0; running(); failures++) {
      // oxlint-disable-next-line no-await-in-loop -- one attempt at a time until Redis answers
      if (await options.subscriber.whenReady(2000)) {
        try {
          // oxlint-disable-next-line no-await-in-loop -- see above
          await options.subscriber.client.subscribe(channel, wake);
          return;
        } catch {
          // oxlint-disable-next-line no-await-in-loop -- backing off before the next attempt
          await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures, 2000)));
        }
      }
    }
  })();
  const subscribeWaitMs = options.subscribeWaitMs ?? 5000;
  if (subscribeWaitMs > 0) await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, subscribeWaitMs).unref())]);

  const lockKey = (key: string) => `${options.namespace}flight:lock:${key}`;
  const errorKey = (key: string) => `${options.namespace}flight:error:${key}`;

  async function lead<T>(key: string, token: string, fetch: () => Promise<T>): Promise<T> {
    const release = () => connection.run(RELEASE, [lockKey(key), channel], [token, key]).catch(() => {});
    try {
      // Another instance may have finished between our cache miss and our lock: use its value.
      const hit = await Promise.resolve(cache.get(key)).catch(() => undefined);
      if (hit !== undefined) return hit as T;
      return await fetch();
    } catch (error) {
      if (isProxyError(error)) {
        const shared: SharedError = { status: error.status, code: error.code, message: error.message, retryAfter: error.retryAfter };
        await connection.command(['SET', errorKey(key), JSON.stringify(shared), 'PX', errorTtlMs]).catch(() => {});
      }
      throw error;
    } finally {
      await release();
    }
  }

  /** Waits for the instance holding `key`: its value, its error, or `undefined` once it let go without either. */
  async function follow(key: string): Promise<{ value: unknown } | undefined> {
    let notify: () => void = () => {};
    const waiter = () => notify();
    const set = waiters.get(key) ?? new Set();
    set.add(waiter);
    waiters.set(key, set);
    const deadline = performance.now() + lockTtlMs;
    try {
      for (;;) {
        // oxlint-disable-next-line no-await-in-loop -- waiting for the fetching instance is the point
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          notify = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        // oxlint-disable-next-line no-await-in-loop -- one look after each wake-up
        const [value, failure, locked] = await Promise.all([cache.get(key), connection.command<string | null>(['GET', errorKey(key)]), connection.command<number>(['EXISTS', lockKey(key)])]);
        if (value !== undefined) return { value };
        if (failure !== null) {
          const shared = JSON.parse(failure) as SharedError;
          throw new ProxyError(shared.status, shared.code, shared.message, shared.retryAfter);
        }
        if (locked === 0 || performance.now() > deadline) return undefined;
      }
    } finally {
      set.delete(waiter);
      if (set.size === 0) waiters.delete(key);
    }
  }

  return {
    async run<T>(key: string, fetch: () => Promise<T>): Promise<T> {
      const token = randomUUID();
      // Twice at most: a lock let go without a result (the fetch was not cached, its instance
      // died) is taken by one of the waiters, who then fetches.
      for (let round = 0; round < 2 && connection.ready; round++) {
        let taken: string | null;
        try {
          // oxlint-disable-next-line no-await-in-loop -- the second round only after the first one's holder let go
          taken = await connection.command<string | null>(['SET', lockKey(key), token, 'NX', 'PX', lockTtlMs]);
        } catch (error) {
          if (isRedisUnavailable(error)) break; // fetch for ourselves
          throw error;
        }
        if (taken === 'OK') return lead(key, token, fetch);
        let outcome: { value: unknown } | undefined;
        try {
          // oxlint-disable-next-line no-await-in-loop -- see above
          outcome = await follow(key);
        } catch (error) {
          if (isRedisUnavailable(error)) break; // Redis went away while waiting: fetch for ourselves
          throw error; // the failure the fetching instance shared
        }
        if (outcome) return outcome.value as T;
      }
      return fetch();
    },
    async close() {
      closed = true;
      waiters.clear();
      await options.subscriber.client.unsubscribe(channel).catch(() => {});
    },
  };
}
