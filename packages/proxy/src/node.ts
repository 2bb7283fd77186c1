export { proxyConfigFromEnv, type ProxyConfig } from './proxyConfigFromEnv.js';
export { serveProxy, type ProxyServer, type ServableApp, type ServeProxyOptions } from './serveProxy.js';
