import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { Cache } from '../store/Cache.js';
import { ProxyError } from '../ProxyError.js';
import type { RateLimiter } from './RateLimiter.js';
import type { QuotaGate } from './createQuotaGate.js';
import { bodyErrorAnswer, readBodyError } from './upstreamErrors.js';

/** Retry policy for idempotent upstream GETs. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff step (default 100 ms); doubles each retry, with full jitter. */
  baseDelayMs?: number;
  /**
   * Cap of one backoff step (default 2000 ms). A `Retry-After` longer than this is not waited
   * for: the proxy answers 429 at once and passes the wait on to the browser.
   */
  maxDelayMs?: number;
}

/** The part of `fetch` the proxy uses to call Chat2Desk. */
export type UpstreamFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Options of {@link createUpstreamClient}. */
export interface UpstreamClientOptions {
  /** Chat2Desk API origin, e.g. `https://api.chat2desk.com`. */
  baseUrl: string;
  /** The account's API token, sent bare in `Authorization`. */
  token: string;
  fetch: UpstreamFetch;
  /** Time limit of one upstream attempt, body included. */
  timeoutMs: number;
  retry: Required<RetryOptions>;
  /** Null: no client-side rate limit. */
  limiter: RateLimiter | null;
  /** Null: no caching (in-flight GETs are still coalesced). */
  cache: Cache | null;
  cacheTtlMs: number;
  /** Called for every upstream attempt (metrics, tests). */
  onUpstreamCall?: (method: string, path: string) => void;
  /** Stops calls for a while after Chat2Desk reported its monthly quota used up. */
  quotaGate?: QuotaGate;
}

/** Upstream calls made on behalf of one proxy request (for its log line). */
export interface CallStats {
  upstreamCalls: number;
}

/** Per-call options. */
export interface UpstreamCallOptions {
  /** Message of the 404 answer when Chat2Desk has no such record. */
  notFound?: string;
}

/** Calls Chat2Desk: timeouts, retries, rate limit, GET caching and coalescing, error mapping. */
export interface UpstreamClient {
  /** GET `path` (with query), mapped by `map`; cached and coalesced under the path. */
  get<T>(path: string, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** POST a JSON body once (never retried), mapped by `map`. */
  post<T>(path: string, body: unknown, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** Drops cached and in-flight GETs whose path starts with `prefix`. */
  invalidate(prefix: string): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a thrown value is the abort of `AbortSignal.timeout`. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** A short, token-free description of a network failure (`ECONNREFUSED`, `fetch failed`). */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof cause === 'string') return cause;
  return error instanceof Error ? error.message : 'network error';
}

/** Creates the {@link UpstreamClient} the proxy's routes call. */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const { retries, baseDelayMs, maxDelayMs } = options.retry;
  const inflight = new Map<string, Promise<unknown>>();
  // Bumped by every invalidation, so a GET that started before one does not cache stale data.
  let generation = 0;

  /** One upstream attempt; retries by calling itself with the next attempt number. */
  async function attempt(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    stats: CallStats,
    callOptions: UpstreamCallOptions,
    n = 0,
  ): Promise<unknown> {
    const canRetry = method === 'GET' && n < retries;
    const retryAfter = async (ms: number) => {
      await sleep(ms);
      return attempt(method, path, body, stats, callOptions, n + 1);
    };
    options.quotaGate?.check();
    if (options.limiter) {
      const decision = await options.limiter.acquire();
      if (!decision.ok) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        throw new ProxyError(429, 'rate_limited', `Too many requests to Chat2Desk right now; retry in ${seconds} s`, seconds);
      }
    }
    stats.upstreamCalls++;
    options.onUpstreamCall?.(method, path);

    let response: Response;
    let raw: string;
    try {
      const headers: Record<string, string> = { authorization: options.token, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await options.fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      raw = await response.text();
    } catch (error) {
      // A timed-out call already cost the caller the whole timeout: answer instead of retrying.
      if (isTimeout(error)) {
        throw new ProxyError(504, 'upstream_timeout', `Chat2Desk did not answer within ${options.timeoutMs} ms`);
      }
      if (canRetry) return retryAfter(backoffDelay(n, baseDelayMs, maxDelayMs));
      throw new ProxyError(502, 'upstream_error', `Could not reach Chat2Desk (${describeNetworkError(error)})`);
    }

    // Chat2Desk reports most errors in the body, often with HTTP 200: the body speaks first. Its
    // short-window limit is retried like an HTTP 429; the rest are answered at once.
    const bodyError = readBodyError(raw, response.status);
    if (bodyError && bodyError.kind !== 'rate_limited') {
      if (bodyError.kind === 'quota') options.quotaGate?.close();
      throw bodyErrorAnswer(bodyError, method, callOptions.notFound);
    }
    const status = bodyError ? 429 : response.status;
    if (status >= 200 && status < 300) return parseJson(raw);
    if (status === 401 || status === 403) {
      throw new ProxyError(502, 'upstream_auth', `The proxy's Chat2Desk token was rejected (Chat2Desk answered HTTP ${status}); check CHAT2DESK_API_TOKEN`);
    }
    if (status === 404) {
      throw new ProxyError(404, 'not_found', callOptions.notFound ?? 'Chat2Desk has no such record');
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (status === 429) {
      const waitMs = retryAfterMs ?? backoffDelay(n, baseDelayMs, maxDelayMs);
      // Every other call waits too: hammering a rate-limited account only prolongs the limit.
      await options.limiter?.pause?.(waitMs);
      if (canRetry && waitMs <= maxDelayMs) return retryAfter(waitMs);
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new ProxyError(429, 'rate_limited', `Chat2Desk's rate limit was reached; retry in ${seconds} s`, seconds);
    }
    if (status >= 500) {
      const waitMs = retryAfterMs ?? backoffDelay(n, baseDelayMs, maxDelayMs);
      if (canRetry && waitMs <= maxDelayMs) return retryAfter(waitMs);
      throw new ProxyError(502, 'upstream_error', `Chat2Desk failed to answer (HTTP ${status})`);
    }
    // Other 4xx: a send Chat2Desk refused is the caller's to fix; a refused read is ours.
    const reason = upstreamMessage(raw);
    if (method === 'POST') {
      throw new ProxyError(400, 'bad_request', `Chat2Desk refused the request${reason ? `: ${reason}` : ` (HTTP ${status})`}`);
    }
    throw new ProxyError(502, 'upstream_error', `Chat2Desk refused the proxy's request (HTTP ${status})${reason ? `: ${reason}` : ''}`);
  }

  return {
    async get(path, map, stats, callOptions = {}) {
      if (options.cache) {
        const hit = await options.cache.get(path);
        if (hit !== undefined) return hit as ReturnType<typeof map>;
      }
      let flight = inflight.get(path) as Promise<ReturnType<typeof map>> | undefined;
      if (!flight) {
        const startedAt = generation;
        flight = (async () => {
          const value = map(await attempt('GET', path, undefined, stats, callOptions));
          if (options.cache && startedAt === generation) await options.cache.set(path, value, options.cacheTtlMs);
          return value;
        })();
        const own = flight;
        inflight.set(path, own);
        const forget = () => {
          if (inflight.get(path) === own) inflight.delete(path);
        };
        own.then(forget, forget);
      }
      return flight;
    },
    async post(path, body, map, stats, callOptions = {}) {
      return map(await attempt('POST', path, body, stats, callOptions));
    },
    async invalidate(prefix) {
      generation++;
      for (const key of inflight.keys()) {
        if (key.startsWith(prefix)) inflight.delete(key);
      }
      await options.cache?.deletePrefix(prefix);
    },
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ProxyError(502, 'upstream_error', 'Chat2Desk answered something other than JSON');
  }
}

/** The `message` of Chat2Desk's error envelope, shortened; undefined when there is none. */
function upstreamMessage(raw: string): string | undefined {
  try {
    const message = (JSON.parse(raw) as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
