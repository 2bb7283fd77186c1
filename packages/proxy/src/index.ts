export type { Cache } from './store/Cache.js';
export { createMemoryCache, type MemoryCacheOptions } from './store/createMemoryCache.js';
export {
  createProxy,
  DEFAULT_UPSTREAM_URL,
  type ProxyApp,
  type ProxyEnv,
  type ProxyOptions,
} from './createProxy.js';
export { createTokenBucketLimiter, type TokenBucketOptions } from './upstream/createTokenBucketLimiter.js';
export type { ProxyAuth } from './ProxyAuth.js';
export { isProxyError, ProxyError, type ProxyErrorCode } from './ProxyError.js';
export { silentLogger, type ProxyLogger } from './ProxyLogger.js';
export type { RateLimitDecision, RateLimiter } from './upstream/RateLimiter.js';
export type { CallStats, RetryOptions, UpstreamFetch } from './upstream/createUpstreamClient.js';
