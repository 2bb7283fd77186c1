export type { Cache } from './Cache.js';
export { createMemoryCache, type MemoryCacheOptions } from './createMemoryCache.js';
export {
  createProxy,
  DEFAULT_UPSTREAM_URL,
  type ProxyApp,
  type ProxyEnv,
  type ProxyOptions,
} from './createProxy.js';
export { createTokenBucketLimiter, type TokenBucketOptions } from './createTokenBucketLimiter.js';
export type { ProxyAuth } from './ProxyAuth.js';
export { isProxyError, ProxyError, type ProxyErrorCode } from './ProxyError.js';
export { silentLogger, type ProxyLogger } from './ProxyLogger.js';
export type { RateLimitDecision, RateLimiter } from './RateLimiter.js';
export type { CallStats, RetryOptions, UpstreamFetch } from './upstream/createUpstreamClient.js';
