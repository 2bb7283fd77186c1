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
  /**
   * Hands out no slot for `ms` milliseconds (Chat2Desk answered 429 with `Retry-After`); the
   * proxy never asks for more than 60 s.
   */
  pause?(ms: number): void | Promise<void>;
  /**
   * Lifts a pause early: Chat2Desk answered a call successfully after the pause began, so its
   * limit is over. Only called after this proxy paused the limiter.
   */
  resume?(): void | Promise<void>;
}
