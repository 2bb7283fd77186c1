/**
 * Delay before retry number `attempt` (0 for the first retry): exponential backoff with full
 * jitter, a uniformly random wait in `[0, min(maxMs, baseMs × 2^attempt))`, so proxies that
 * failed together do not retry together.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}
