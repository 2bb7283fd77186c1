import type { UpstreamFetch } from './createUpstreamClient.js';

/** The in-process fake Chat2Desk, as the proxy uses it in sandbox mode. */
export interface SandboxUpstream {
  /** Base URL the upstream client prefixes paths with (never resolved over a network). */
  baseUrl: string;
  /** Calls the sandbox's API like `fetch` would call Chat2Desk. */
  fetch: UpstreamFetch;
  /** Hands a browser request (the fake web UI under `/chat/`) to the sandbox as is. */
  handle(request: Request): Promise<Response>;
}

/**
 * Wraps the sandbox app. It is imported on first use, so live deployments (Workers bundles
 * included) never load the sandbox's seed data generator.
 */
export function createSandboxUpstream(options: { seed?: number; clients?: number } = {}): SandboxUpstream {
  let app: Promise<{ fetch(request: Request): Response | Promise<Response> }> | undefined;
  const load = () => (app ??= import('../sandbox/index.js').then((m) => m.createSandboxApp(options).app));
  return {
    baseUrl: 'http://sandbox.invalid',
    fetch: async (url, init) => (await load()).fetch(new Request(url, init)),
    handle: async (request) => (await load()).fetch(request),
  };
}
