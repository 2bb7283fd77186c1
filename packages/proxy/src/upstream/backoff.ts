// When to try Chat2Desk again: the retry policy of `createUpstreamClient`, kept beside it.

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential backoff with full
 * jitter, a uniformly random wait in `[0, min(maxMs, baseMs × 2^attempt))`, so proxies that
 * failed together do not retry together.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/**
 * Milliseconds to wait from a `Retry-After` header: either delay-seconds or an HTTP date.
 * Undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
