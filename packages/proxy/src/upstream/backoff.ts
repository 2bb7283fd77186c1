// When to try Chat2Desk again: the retry policy of `createUpstreamClient`, kept beside it.

/**
 * The longest wait the proxy honours from Chat2Desk and asks of a browser: 60 s. A `Retry-After`
 * of a day (or a date in 2100) would otherwise shut every route, sends included, until a
 * restart; a wait this long is cut short by the next successful answer anyway.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential backoff with full
 * jitter, a uniformly random wait in `[0, min(maxMs, baseMs × 2^attempt))`, so proxies that
 * failed together do not retry together.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/**
 * Milliseconds to wait from a `Retry-After` header: either delay-seconds or an HTTP date,
 * clamped to [0, {@link MAX_RETRY_AFTER_MS}]. Undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return clampWaitMs(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return clampWaitMs(date - now);
}

/**
 * The whole seconds of a `Retry-After` the proxy sends for a wait of `ms`: at least 1 (0 would
 * invite an immediate retry storm), at most {@link MAX_RETRY_AFTER_MS}.
 */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(clampWaitMs(ms) / 1000));
}

function clampWaitMs(ms: number): number {
  // NaN (an absurd header) counts as the longest wait rather than none.
  return Number.isNaN(ms) ? MAX_RETRY_AFTER_MS : Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
}
