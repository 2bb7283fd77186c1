export type { Cache } from './store/Cache.js';
export { createMemoryCache, type MemoryCache, type MemoryCacheOptions } from './store/createMemoryCache.js';
export { createProxy } from './createProxy.js';
export { DEFAULT_UPSTREAM_URL, type ProxyOptions } from './options.js';
export type { RedisOption, RedisOptions } from './redisOptions.js';
export type { ProxyApp, ProxyDrain, ProxyEnv } from './ProxyEnv.js';
export { createTokenBucketLimiter, type TokenBucketOptions } from './upstream/createTokenBucketLimiter.js';
export type { AuthorizedCaller, ProxyAuth } from './ProxyAuth.js';
export type { Caller } from './Caller.js';
export { isProxyError, ProxyError, type ProxyErrorCode } from './ProxyError.js';
export { silentLogger, type ProxyLogger } from './ProxyLogger.js';
export type { RateLimitDecision, RateLimiter } from './upstream/RateLimiter.js';
export type { CallStats, RetryOptions, UpstreamFetch } from './upstream/createUpstreamClient.js';
export type { ClientIndexOptions, EventStreamOptions, StoreOptions, WebhookOptions, WebhookSignatureOptions } from './liveOptions.js';
export type { ConsoleStores, ConsoleStoresOptions } from './store/ConsoleStores.js';
export { createMemoryStores } from './store/createMemoryStores.js';
export type {
  AppendResult,
  ConsoleEventDraft,
  EventLog,
  EventLogEntry,
  EventLogListener,
  LoggedEvent,
  ReadAfterResult,
  StoredDelivery,
} from './store/eventLog/EventLog.js';
export type { RecordedTransfer, TransferFilter, TransferInput, TransferStore } from './store/transfers/TransferStore.js';
export type { ClientIndex, ClientIndexEntry, ClientIndexStatus, ClientIndexUpdate, ClientSearchResult } from './store/clientIndex/ClientIndex.js';
export type { Page } from './store/Page.js';
