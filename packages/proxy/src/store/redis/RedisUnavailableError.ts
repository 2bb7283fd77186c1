import { ProxyError } from '../../ProxyError.js';

/**
 * Redis could not be reached (down, restarting, or slower than the command timeout). A
 * {@link ProxyError} answering 503 `unavailable`, so a route that needs Redis (a webhook to
 * store, an idempotent send to guard) tells the caller to retry instead of failing with 500.
 */
export class RedisUnavailableError extends ProxyError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(503, 'unavailable', `Shared state in Redis is unreachable (${reason}); nothing was done: retry in a moment`, 1);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Narrows an unknown thrown value to a {@link RedisUnavailableError}. */
export function isRedisUnavailable(error: unknown): error is RedisUnavailableError {
  return error instanceof RedisUnavailableError;
}
