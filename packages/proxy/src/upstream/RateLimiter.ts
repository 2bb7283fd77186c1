/** What {@link RateLimiter.acquire} decided: go now, or give up and retry after a while. */
export type RateLimitDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Keeps the proxy's calls to Chat2Desk within the account's budget. Every upstream attempt
 * (retries included) acquires a slot first. The in-memory default serves one process; a shared
 * implementation (Redis) lets several proxy instances share one budget.
 */
export interface RateLimiter {
  /** Resolves when one more call fits the budget, or refuses when the wait would be too long. */
  acquire(): Promise<RateLimitDecision>;
  /** Hands out no slot for `ms` milliseconds (Chat2Desk answered 429 with `Retry-After`). */
  pause?(ms: number): void | Promise<void>;
}
