import { Chat2DeskConfigError } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';
import type { ProxyOptions } from './options.js';
import { redisPassword, resolveRedisOptions } from './redisOptions.js';
import { createMemoryCache } from './store/createMemoryCache.js';
import { createMemoryStores } from './store/createMemoryStores.js';
import type { RedisStores } from './store/redis/createRedisStores.js';
import { createTokenBucketLimiter } from './upstream/createTokenBucketLimiter.js';

const live = (options: ProxyOptions) => resolveRedisOptions(options, 'live');

describe('resolveRedisOptions', () => {
  it('is null without redis: each instance keeps its own state, as before', () => {
    expect(live({})).toBeNull();
  });

  it('takes a URL, or the URL with the instance count, key prefix and timeouts; the budget to share is rateLimit\'s', () => {
    expect(live({ redis: ' redis://cache.internal:6379/2 ' })).toEqual({ kind: 'url', url: 'redis://cache.internal:6379/2', connectTimeoutMs: 5000, rateLimit: undefined });
    expect(live({ redis: { url: 'rediss://user:pw@cache.internal:6380', instances: 3, keyPrefix: 'crm:', commandTimeoutMs: 500 }, rateLimit: { requestsPerSecond: 8 } })).toEqual({
      kind: 'url',
      url: 'rediss://user:pw@cache.internal:6380',
      instances: 3,
      keyPrefix: 'crm:',
      commandTimeoutMs: 500,
      connectTimeoutMs: 5000,
      rateLimit: { requestsPerSecond: 8 },
    });
  });

  it('takes stores the host opened itself with createRedisStores, to use and leave open', () => {
    const stores = { ...createMemoryStores(), health: () => ({}) } as unknown as RedisStores;
    expect(live({ redis: stores })).toEqual({ kind: 'given', stores });
  });

  it.each([
    ['http://cache.internal:6379', /redis\.url \(C2D_PROXY_REDIS_URL\) must look like redis:\/\/\[user:password@\]host:port\[\/db\], or rediss:\/\/ for TLS/],
    ['cache.internal:6379', /must look like redis:\/\//],
    ['redis://', /must look like redis:\/\//],
  ])('refuses the URL %s, showing what one looks like', (url, message) => {
    expect(() => live({ redis: url })).toThrow(Chat2DeskConfigError);
    expect(() => live({ redis: url })).toThrow(message);
  });

  it.each<[ProxyOptions, RegExp]>([
    [{ redis: { url: 'redis://r:6379', instances: 0 } }, /redis\.instances \(C2D_PROXY_INSTANCES\) must be a positive integer \(got 0\)/],
    [{ redis: { url: 'redis://r:6379', connectTimeoutMs: 1.5 } }, /redis\.connectTimeoutMs must be a positive integer/],
    [{ redis: { url: 'redis://r:6379', keyPrefix: 'my app:' } }, /redis\.keyPrefix must be up to 100 characters without spaces/],
    [{ redis: 'redis://r:6379', store: { dataDir: './data' } }, /redis and store \(C2D_PROXY_DATA_DIR\) both say where events.*leave store\.dataDir out/],
    [{ redis: 'redis://r:6379', store: createMemoryStores() }, /redis and store .* both say where/],
    [{ redis: 'redis://r:6379', rateLimiter: createTokenBucketLimiter() }, /redis and rateLimiter are both set: the rate budget is shared through Redis.*C2D_PROXY_RATE_LIMIT/],
    [{ redis: 'redis://r:6379', idempotencyStore: createMemoryCache() }, /redis and idempotencyStore are both set/],
    [{ redis: 'redis://r:6379', cache: createMemoryCache() }, /redis and cache are both set: the cache is shared through Redis/],
  ])('refuses a combination it cannot honour, saying what to change (%#)', (options, message) => {
    expect(() => live(options)).toThrow(message);
  });

  it('keeps the rate limit, the retention and cache: false, which apply to what Redis shares', () => {
    expect(() => live({ redis: 'redis://r:6379', rateLimit: { requestsPerSecond: 8 }, store: { eventRetentionMs: 86_400_000 }, cache: false })).not.toThrow();
  });

  it('refuses Redis in sandbox mode, whose fake Chat2Desk lives in each process', () => {
    expect(() => createProxy({ redis: 'redis://127.0.0.1:6379', logger: false })).toThrow(/redis is for live mode: the sandbox is a fake Chat2Desk inside each process/);
  });
});

describe('redisPassword', () => {
  it('is the URL’s password, decoded, for the redactor; undefined when there is none', () => {
    expect(redisPassword({ kind: 'url', url: 'redis://:s3cr%40t-pass@cache:6379', connectTimeoutMs: 1, rateLimit: undefined })).toBe('s3cr@t-pass');
    expect(redisPassword({ kind: 'url', url: 'redis://cache:6379', connectTimeoutMs: 1, rateLimit: undefined })).toBeUndefined();
    expect(redisPassword(null)).toBeUndefined();
  });
});
