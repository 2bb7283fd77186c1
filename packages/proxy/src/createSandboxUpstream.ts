import type { UpstreamFetch } from './upstream/createUpstreamClient.js';

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
  // The sandbox app (src/sandbox) is being built in parallel; wired in when it lands.
  void options;
  const load = async (): Promise<{ fetch(request: Request): Response | Promise<Response> }> => {
    throw new Error('The sandbox is not available in this build yet');
  };
  return {
    baseUrl: 'http://sandbox.invalid',
    fetch: async (url, init) => (await load()).fetch(new Request(url, init)),
    handle: async (request) => (await load()).fetch(request),
  };
}
