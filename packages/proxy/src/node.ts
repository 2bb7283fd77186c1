export { proxyConfigFromEnv, type ProxyConfig } from './proxyConfigFromEnv.js';
export { serveProxy, type ProxyServer, type ServableApp, type ServeProxyOptions } from './serveProxy.js';
export { createEmbeddedStores, EMBEDDED_STORE_FILE, type EmbeddedStoresOptions } from './store/createEmbeddedStores.js';
export { createRedisStores, type RedisStores, type RedisStoresHealth, type RedisStoresOptions } from './store/redis/createRedisStores.js';
