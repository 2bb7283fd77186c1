import type { UpstreamHealth } from '@c2d-console/core';
import { isProxyError } from '../ProxyError.js';
import { cachedFor } from './cachedFor.js';
import type { CallStats, UpstreamClient } from './createUpstreamClient.js';
import { mapApiInfo } from './mappers.js';
import { apiInfoPath } from './paths.js';

/** How long a probe's result stands (Chat2Desk bills every call, and load balancers poll often). */
export const HEALTH_PROBE_TTL_MS = 60_000;

/** What a failed probe says about Chat2Desk. */
function failedProbe(error: unknown): UpstreamHealth {
  if (!isProxyError(error)) throw error;
  const answer = { code: error.code, message: error.message };
  switch (error.code) {
    case 'upstream_auth':
      return { reachable: true, tokenValid: false, error: answer };
    case 'upstream_quota':
      return { reachable: true, tokenValid: true, error: answer };
    case 'rate_limited':
      return { reachable: true, tokenValid: null, error: answer };
    default:
      // No answer, a timeout, a server error or an answer the proxy cannot read: not usable.
      return { reachable: false, tokenValid: null, error: answer };
  }
}

/**
 * Asks `GET /v1/companies/api_info`, the cheapest call that proves the token and reports the
 * month's API use, at most once a minute (concurrent probes share one call). Never rejects:
 * a failure is described in the result.
 */
export function createHealthProbe(upstream: UpstreamClient, ttlMs: number = HEALTH_PROBE_TTL_MS): (stats: CallStats) => Promise<UpstreamHealth> {
  return cachedFor(ttlMs, async (stats): Promise<UpstreamHealth> => {
    try {
      const info = await upstream.get(apiInfoPath(), mapApiInfo, stats);
      return { reachable: true, tokenValid: true, ...info };
    } catch (error) {
      return failedProbe(error);
    }
  });
}
