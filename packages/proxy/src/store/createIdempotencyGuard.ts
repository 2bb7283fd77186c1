import type { Cache } from './Cache.js';
import { isProxyError, ProxyError, type ProxyErrorCode } from '../ProxyError.js';

/** Options of {@link createIdempotencyGuard}. */
export interface IdempotencyGuardOptions {
  /** Where finished outcomes are kept (shared across instances when it is a shared cache). */
  store: Cache;
  /** How long a key is remembered (default ten minutes). */
  ttlMs?: number;
}

type Outcome =
  | { fingerprint: string; ok: true; value: unknown }
  | { fingerprint: string; ok: false; status: number; code: ProxyErrorCode; message: string };

/** One request's idempotency key, in the scope of whoever sent it. */
export interface IdempotencyRequest {
  /**
   * Whose key it is (the caller's `subject`): the same key from two users names two sends.
   * Null for anonymous callers (no auth, or auth that names no one), who share one scope.
   */
  scope: string | null;
  /** The `idempotencyKey` the browser sent. */
  key: string;
  /** Describes the request; reusing a key for a different request is refused with 400. */
  fingerprint: string;
}

/** Runs an operation at most once per key and caller. */
export interface IdempotencyGuard {
  /**
   * Runs `operation` unless the caller's `key` was seen within the TTL (or is running now):
   * then answers the first outcome again.
   */
  run<T>(request: IdempotencyRequest, operation: () => Promise<T>): Promise<T>;
}

/**
 * Errors after which Chat2Desk may have sent the message anyway: they are remembered (and
 * replayed) like a success, so a retry can never send twice. Errors that prove nothing was
 * sent (refused by our limiter or by Chat2Desk) are forgotten, so a retry can send.
 */
export const AMBIGUOUS_SEND_ERRORS: ReadonlySet<ProxyErrorCode> = new Set(['upstream_timeout', 'upstream_error', 'internal']);

/** The 400 answer to a key reused for a different message. */
export const idempotencyKeyMismatch = () =>
  new ProxyError(400, 'bad_request', 'idempotencyKey was already used for a different message; use a new key for each message');

/** Creates an {@link IdempotencyGuard} for `POST /messages`. */
export function createIdempotencyGuard(options: IdempotencyGuardOptions): IdempotencyGuard {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  // Keyed by scope and key together; JSON keeps `a:b` + `c` apart from `a` + `b:c`.
  const running = new Map<string, { fingerprint: string; promise: Promise<unknown> }>();

  async function replayOrRun(storeKey: string, fingerprint: string, operation: () => Promise<unknown>): Promise<unknown> {
    const seen = (await options.store.get(storeKey)) as Outcome | undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw idempotencyKeyMismatch();
      if (seen.ok) return seen.value;
      throw new ProxyError(seen.status, seen.code, seen.message);
    }
    try {
      const value = await operation();
      await options.store.set(storeKey, { fingerprint, ok: true, value } satisfies Outcome, ttlMs);
      return value;
    } catch (error) {
      if (isProxyError(error) && AMBIGUOUS_SEND_ERRORS.has(error.code)) {
        const outcome: Outcome = { fingerprint, ok: false, status: error.status, code: error.code, message: error.message };
        await options.store.set(storeKey, outcome, ttlMs);
      }
      throw error;
    }
  }

  return {
    run<T>({ scope, key, fingerprint }: IdempotencyRequest, operation: () => Promise<T>): Promise<T> {
      const storeKey = `idempotency:${JSON.stringify([scope, key])}`;
      const current = running.get(storeKey);
      if (current) {
        if (current.fingerprint !== fingerprint) return Promise.reject(idempotencyKeyMismatch());
        return current.promise as Promise<T>;
      }
      // Registered before the first await, so concurrent duplicates join this run.
      const promise = replayOrRun(storeKey, fingerprint, operation);
      running.set(storeKey, { fingerprint, promise });
      const done = () => running.delete(storeKey);
      promise.then(done, done);
      return promise as Promise<T>;
    },
  };
}
