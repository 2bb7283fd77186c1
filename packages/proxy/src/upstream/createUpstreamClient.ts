import { backoffDelay, parseRetryAfter, retryAfterSeconds } from './backoff.js';
import type { Cache } from '../store/Cache.js';
import { isProxyError, ProxyError } from '../ProxyError.js';
import { createDrainGate, shuttingDown } from './createDrainGate.js';
import type { RateLimiter } from './RateLimiter.js';
import type { QuotaGate } from './createQuotaGate.js';
import { readUpstreamBody } from './readUpstreamBody.js';
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
  /** Largest answer body read, counted after decompression; a larger one answers 502. */
  maxBodyBytes: number;
  retry: Required<RetryOptions>;
  /** Null: no client-side rate limit. */
  limiter: RateLimiter | null;
  /** Null: no caching (in-flight GETs are still coalesced). */
  cache: Cache | null;
  cacheTtlMs: number;
  /** Hides the token in text taken from Chat2Desk's answers, before that text is shortened. */
  redact: (text: string) => string;
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
  /**
   * Neither read from nor written to the cache (GETs): background reads such as the client
   * index's pages, which would push the consoles' own answers out of it, and reads that must
   * see Chat2Desk as it is now.
   */
  fresh?: boolean;
  /**
   * A GET with side effects (Chat2Desk's `transfer_to_group`): sent once, like a write, never
   * cached, coalesced or retried, and a refusal is the caller's to fix (400).
   */
  once?: boolean;
}

/** Calls Chat2Desk: timeouts, retries, rate limit, GET caching and coalescing, error mapping. */
export interface UpstreamClient {
  /** GET `path` (with query), mapped by `map`; cached and coalesced under the path. */
  get<T>(path: string, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** POST a JSON body once (never retried), mapped by `map`. */
  post<T>(path: string, body: unknown, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** PUT a JSON body once (never retried), mapped by `map`. */
  put<T>(path: string, body: unknown, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** DELETE once (never retried), mapped by `map` (`c2d-proxy webhooks delete`, taking a tag off a client). */
  delete<T>(path: string, map: (payload: unknown) => T, stats: CallStats, options?: UpstreamCallOptions): Promise<T>;
  /** Drops cached and in-flight GETs whose path starts with `prefix`. */
  invalidate(prefix: string): Promise<void>;
  /** Calls waiting for a slot of the rate limit right now: background work waits while there are any. */
  readonly queued: number;
  /**
   * Starts a shutdown: calls not sent yet (queued by the rate limiter, waiting to retry, or new)
   * answer 503 `unavailable` at once and are never sent; calls already sent finish, each
   * within `timeoutMs`.
   */
  drain(): void;
}

/** The HTTP methods the proxy calls Chat2Desk with; only GETs are retried or cached. */
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What Chat2Desk answered to one attempt, its body read (and size-checked) whole. */
interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Size of the body as read, for the cache's byte bound. */
  bytes: number;
}

/** A successful answer: the parsed JSON, and the size of the body it came from. */
interface Payload {
  json: unknown;
  bytes: number;
}

// Chat2Desk's error messages are echoed to the browser; a long one is cut to this.
const MAX_UPSTREAM_MESSAGE_CHARS = 300;

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
  // Until when this proxy paused the limiter (Chat2Desk's 429): a success before then lifts it.
  let pausedUntil = 0;
  let queued = 0;
  const gate = createDrainGate();

  /** Waits for a slot of the rate limit: 429 when the wait would be too long, 503 once draining. */
  async function acquireSlot(): Promise<void> {
    if (gate.draining) throw shuttingDown();
    if (!options.limiter) return;
    queued++;
    const decision = await gate.unlessDraining(options.limiter.acquire()).finally(() => queued--);
    if (!decision.ok) {
      const seconds = retryAfterSeconds(decision.retryAfterMs);
      throw new ProxyError(429, 'rate_limited', `Too many requests to Chat2Desk right now; retry in ${seconds} s`, seconds);
    }
  }

  /** Holds every call back for `ms` (Chat2Desk's 429), remembering until when. */
  async function pauseLimiter(ms: number): Promise<void> {
    if (!options.limiter?.pause) return;
    pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    await options.limiter.pause(ms);
  }

  /** After a successful answer: ends a pause this proxy asked for, if it is still on. */
  async function liftPause(): Promise<void> {
    if (pausedUntil <= Date.now()) return;
    pausedUntil = 0;
    await options.limiter?.resume?.();
  }

  /** Sends one request and reads its answer whole (within the byte limit): the one place a body is read. */
  async function exchange(method: Method, path: string, body: unknown): Promise<RawAnswer> {
    const headers: Record<string, string> = { authorization: options.token, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await options.fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const { text, bytes } = await readUpstreamBody(response, options.maxBodyBytes);
    return { status: response.status, headers: response.headers, text, bytes };
  }

  /** One upstream attempt; retries by calling itself with the next attempt number. */
  async function attempt(
    method: Method,
    path: string,
    body: unknown,
    stats: CallStats,
    callOptions: UpstreamCallOptions,
    n = 0,
  ): Promise<Payload> {
    // A GET with side effects is a write: sent once, its refusals the caller's.
    const writes = method !== 'GET' || callOptions.once === true;
    // During a shutdown a failed read answers at once rather than starting another attempt.
    const canRetry = () => !writes && n < retries && !gate.draining;
    const retryAfter = async (ms: number) => {
      await gate.unlessDraining(sleep(ms));
      return attempt(method, path, body, stats, callOptions, n + 1);
    };
    options.quotaGate?.check();
    await acquireSlot();
    stats.upstreamCalls++;
    options.onUpstreamCall?.(method, path);

    let answer: RawAnswer;
    try {
      answer = await exchange(method, path, body);
    } catch (error) {
      if (isProxyError(error)) throw error;
      // A timed-out call already cost the caller the whole timeout: answer instead of retrying.
      if (isTimeout(error)) {
        throw new ProxyError(504, 'upstream_timeout', `Chat2Desk did not answer within ${options.timeoutMs} ms`);
      }
      if (canRetry()) return retryAfter(backoffDelay(n, baseDelayMs, maxDelayMs));
      throw new ProxyError(502, 'upstream_error', `Could not reach Chat2Desk (${describeNetworkError(error)})`);
    }

    // Chat2Desk reports most errors in the body, often with HTTP 200: the body speaks first. Its
    // short-window limit is retried like an HTTP 429; the rest are answered at once.
    const bodyError = readBodyError(answer.text, answer.status, options.redact);
    if (bodyError && bodyError.kind !== 'rate_limited') {
      if (bodyError.kind === 'quota') options.quotaGate?.close();
      throw bodyErrorAnswer(bodyError, writes ? 'WRITE' : 'GET', callOptions.notFound);
    }
    const status = bodyError ? 429 : answer.status;
    if (status >= 200 && status < 300) {
      const json = parseJson(answer.text);
      await liftPause();
      return { json, bytes: answer.bytes };
    }
    if (status === 401 || status === 403) {
      throw new ProxyError(502, 'upstream_auth', `The proxy's Chat2Desk token was rejected (Chat2Desk answered HTTP ${status}); check CHAT2DESK_API_TOKEN`);
    }
    if (status === 404) {
      throw new ProxyError(404, 'not_found', callOptions.notFound ?? 'Chat2Desk has no such record');
    }
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
    if (status === 429) {
      const waitMs = retryAfterMs ?? backoffDelay(n, baseDelayMs, maxDelayMs);
      // Every other call waits too: hammering a rate-limited account only prolongs the limit.
      await pauseLimiter(waitMs);
      if (canRetry() && waitMs <= maxDelayMs) return retryAfter(waitMs);
      const seconds = retryAfterSeconds(waitMs);
      throw new ProxyError(429, 'rate_limited', `Chat2Desk's rate limit was reached; retry in ${seconds} s`, seconds);
    }
    if (status >= 500) {
      const waitMs = retryAfterMs ?? backoffDelay(n, baseDelayMs, maxDelayMs);
      if (canRetry() && waitMs <= maxDelayMs) return retryAfter(waitMs);
      throw new ProxyError(502, 'upstream_error', `Chat2Desk failed to answer (HTTP ${status})`);
    }
    // Other 4xx: a write Chat2Desk refused is the caller's to fix; a refused read is ours.
    const reason = upstreamMessage(answer.text, options.redact);
    if (writes) {
      throw new ProxyError(400, 'bad_request', `Chat2Desk refused the request${reason ? `: ${reason}` : ` (HTTP ${status})`}`);
    }
    throw new ProxyError(502, 'upstream_error', `Chat2Desk refused the proxy's request (HTTP ${status})${reason ? `: ${reason}` : ''}`);
  }

  return {
    async get(path, map, stats, callOptions = {}) {
      if (callOptions.once) return map((await attempt('GET', path, undefined, stats, callOptions)).json);
      const cache = callOptions.fresh ? null : options.cache;
      if (cache) {
        const hit = await cache.get(path);
        if (hit !== undefined) return hit as ReturnType<typeof map>;
      }
      // A fresh read shares no flight: one started earlier may carry what is stale now.
      if (callOptions.fresh) return map((await attempt('GET', path, undefined, stats, callOptions)).json);
      let flight = inflight.get(path) as Promise<ReturnType<typeof map>> | undefined;
      if (!flight) {
        const startedAt = generation;
        flight = (async () => {
          const payload = await attempt('GET', path, undefined, stats, callOptions);
          const value = map(payload.json);
          if (cache && startedAt === generation) await cache.set(path, value, options.cacheTtlMs, payload.bytes);
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
      return map((await attempt('POST', path, body, stats, callOptions)).json);
    },
    async put(path, body, map, stats, callOptions = {}) {
      return map((await attempt('PUT', path, body, stats, callOptions)).json);
    },
    async delete(path, map, stats, callOptions = {}) {
      return map((await attempt('DELETE', path, undefined, stats, callOptions)).json);
    },
    async invalidate(prefix) {
      generation++;
      for (const key of inflight.keys()) {
        if (key.startsWith(prefix)) inflight.delete(key);
      }
      await options.cache?.deletePrefix(prefix);
    },
    get queued() {
      return queued;
    },
    drain: gate.drain,
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ProxyError(502, 'upstream_error', 'Chat2Desk answered something other than JSON');
  }
}

/**
 * The `message` of Chat2Desk's error envelope, redacted and then shortened (in that order, so a
 * token straddling the cut cannot leave its first characters behind); undefined when there is none.
 */
function upstreamMessage(raw: string, redact: (text: string) => string): string | undefined {
  let message: unknown;
  try {
    message = (JSON.parse(raw) as { message?: unknown } | null)?.message;
  } catch {
    return undefined;
  }
  return typeof message === 'string' && message ? redact(message).slice(0, MAX_UPSTREAM_MESSAGE_CHARS) : undefined;
}
