import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from '../upstream/createUpstreamClient.js';
import type { FakeUpstream } from './createFakeUpstream.js';

/**
 * The upstream client of one proxy instance in front of a fake Chat2Desk, for tests that run
 * several instances in one process: no retries, no limiter and no cache unless given.
 */
export function upstreamClientFor(upstream: FakeUpstream, options: Partial<UpstreamClientOptions> = {}): UpstreamClient {
  return createUpstreamClient({
    baseUrl: upstream.url,
    token: 'c2d-test-token',
    fetch: (url, init) => fetch(url, init),
    timeoutMs: 5000,
    maxBodyBytes: 1_000_000,
    retry: { retries: 0, baseDelayMs: 10, maxDelayMs: 100 },
    limiter: null,
    cache: null,
    cacheTtlMs: 0,
    redact: (text) => text,
    ...options,
  });
}
