import { Chat2DeskConfigError } from '@c2d-console/core';
import type { RedisStores } from './store/redis/createRedisStores.js';
import type { ProxyOptions } from './options.js';
import type { TokenBucketOptions } from './upstream/createTokenBucketLimiter.js';

/**
 * The `redis` option (issue 12): several proxy instances sharing one Redis. `options.ts`
 * resolves it with the rest; `store/createRedisSharedState.ts` opens it.
 */

/** How the proxy reaches Redis: the `redis` option as an object. */
export interface RedisOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS (`C2D_PROXY_REDIS_URL`). */
  url: string;
  /** Start of every key the proxy writes (default `c2d:`); the account's keys follow it in braces. */
  keyPrefix?: string;
  /**
   * How many instances share the rate budget, for each one's share while Redis is down
   * (`C2D_PROXY_INSTANCES`). Default: counted by a heartbeat in Redis while it is up.
   */
  instances?: number;
  /** Longest a Redis command may go unanswered before Redis counts as down (default 1000 ms). */
  commandTimeoutMs?: number;
  /**
   * How long the first request waits for Redis to answer (default 5000 ms). Past it the proxy
   * serves degraded, as during an outage, until Redis answers.
   */
  connectTimeoutMs?: number;
}

/**
 * The `redis` option: a URL, {@link RedisOptions}, or stores opened by the host itself with
 * `createRedisStores` (from `@c2d-console/proxy/node`), which the proxy uses and leaves open.
 */
export type RedisOption = string | RedisOptions | RedisStores;

/**
 * The `redis` option checked: the proxy opens Redis itself (`url`, with the budget of
 * `rateLimit` to share) or uses the host's stores (`given`, with the budget they were opened with).
 */
export type ResolvedRedisOptions =
  | ({ kind: 'url' } & RedisOptions & { connectTimeoutMs: number; rateLimit: TokenBucketOptions | false | undefined })
  | { kind: 'given'; stores: RedisStores };

function isRedisStores(value: RedisOptions | RedisStores): value is RedisStores {
  return 'eventLog' in value && 'health' in value;
}

/** The options that `redis` takes the place of, with what to do instead. */
const REPLACED: ReadonlyArray<[keyof ProxyOptions, string]> = [
  ['rateLimiter', 'the rate budget is shared through Redis: leave rateLimiter out and set its rate with rateLimit (C2D_PROXY_RATE_LIMIT)'],
  ['idempotencyStore', 'idempotency keys are kept in Redis: leave idempotencyStore out'],
];

function checkUrl(url: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url.trim()) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new Chat2DeskConfigError(
      'redis',
      'redis.url (C2D_PROXY_REDIS_URL) must look like redis://[user:password@]host:port[/db], or rediss:// for TLS',
    );
  }
  return (url as string).trim();
}

function positiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
    throw new Chat2DeskConfigError('redis', `${name} must be a positive integer (got ${String(value)})`);
  }
}

/**
 * Checks the `redis` option against the rest and fills in its defaults; null without it.
 * Throws a `Chat2DeskConfigError` saying what to change for a combination it cannot honour.
 */
export function resolveRedisOptions(options: ProxyOptions, mode: 'live' | 'sandbox'): ResolvedRedisOptions | null {
  const redis = options.redis;
  if (redis === undefined) return null;
  if (mode === 'sandbox') {
    throw new Chat2DeskConfigError(
      'redis',
      'redis is for live mode: the sandbox is a fake Chat2Desk inside each process, so instances could not share its state; leave redis (C2D_PROXY_REDIS_URL) out in sandbox mode',
    );
  }
  const store = options.store;
  if (store && ('eventLog' in store || store.dataDir !== undefined)) {
    throw new Chat2DeskConfigError(
      'redis',
      'redis and store (C2D_PROXY_DATA_DIR) both say where events, transfers and the client index live: with redis they are in Redis, so leave store.dataDir out (store.eventRetentionMs still applies)',
    );
  }
  for (const [name, instead] of REPLACED) {
    if (options[name] !== undefined) throw new Chat2DeskConfigError('redis', `redis and ${name} are both set: ${instead}`);
  }
  if (options.cache !== undefined && options.cache !== false) {
    throw new Chat2DeskConfigError('redis', 'redis and cache are both set: the cache is shared through Redis; leave cache out (or false for none)');
  }
  if (typeof redis === 'string') return { kind: 'url', url: checkUrl(redis), connectTimeoutMs: 5000, rateLimit: options.rateLimit };
  if (typeof redis !== 'object' || redis === null) throw new Chat2DeskConfigError('redis', 'redis must be a URL, { url, ... }, or the stores of createRedisStores');
  if (isRedisStores(redis)) return { kind: 'given', stores: redis };
  positiveInteger('redis.instances (C2D_PROXY_INSTANCES)', redis.instances);
  positiveInteger('redis.commandTimeoutMs', redis.commandTimeoutMs);
  positiveInteger('redis.connectTimeoutMs', redis.connectTimeoutMs);
  if (redis.keyPrefix !== undefined && !/^\S{0,100}$/.test(redis.keyPrefix)) {
    throw new Chat2DeskConfigError('redis', `redis.keyPrefix must be up to 100 characters without spaces (got "${redis.keyPrefix}")`);
  }
  return { ...redis, kind: 'url', url: checkUrl(redis.url), connectTimeoutMs: redis.connectTimeoutMs ?? 5000, rateLimit: options.rateLimit };
}

/** The password in the Redis URL, for the redactor (undefined when there is none). */
export function redisPassword(redis: ResolvedRedisOptions | null): string | undefined {
  if (redis?.kind !== 'url') return undefined;
  const password = new URL(redis.url).password;
  return password === '' ? undefined : decodeURIComponent(password);
}
