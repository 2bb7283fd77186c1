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

/** Runs an operation at most once per key. */
export interface IdempotencyGuard {
  /**
   * Runs `operation` unless `key` was seen within the TTL (or is running now): then answers
   * the first outcome again. `fingerprint` describes the request; reusing a key for a different
   * request is refused with 400.
   */
  run<T>(key: string, fingerprint: string, operation: () => Promise<T>): Promise<T>;
}

// Errors after which Chat2Desk may have sent the message anyway: they are remembered (and
// replayed) like a success, so a retry can never send twice. Errors that prove nothing was
// sent (refused by our limiter or by Chat2Desk) are forgotten, so a retry can send.
const AMBIGUOUS: ReadonlySet<ProxyErrorCode> = new Set(['upstream_timeout', 'upstream_error', 'internal']);

const mismatch = () =>
  new ProxyError(400, 'bad_request', 'idempotencyKey was already used for a different message; use a new key for each message');

/** Creates an {@link IdempotencyGuard} for `POST /messages`. */
export function createIdempotencyGuard(options: IdempotencyGuardOptions): IdempotencyGuard {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const running = new Map<string, { fingerprint: string; promise: Promise<unknown> }>();
  const storeKey = (key: string) => `idempotency:${key}`;

  async function replayOrRun(key: string, fingerprint: string, operation: () => Promise<unknown>): Promise<unknown> {
    const seen = (await options.store.get(storeKey(key))) as Outcome | undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw mismatch();
      if (seen.ok) return seen.value;
      throw new ProxyError(seen.status, seen.code, seen.message);
    }
    try {
      const value = await operation();
      await options.store.set(storeKey(key), { fingerprint, ok: true, value } satisfies Outcome, ttlMs);
      return value;
    } catch (error) {
      if (isProxyError(error) && AMBIGUOUS.has(error.code)) {
        const outcome: Outcome = { fingerprint, ok: false, status: error.status, code: error.code, message: error.message };
        await options.store.set(storeKey(key), outcome, ttlMs);
      }
      throw error;
    }
  }

  return {
    run<T>(key: string, fingerprint: string, operation: () => Promise<T>): Promise<T> {
      const current = running.get(key);
      if (current) {
        if (current.fingerprint !== fingerprint) return Promise.reject(mismatch());
        return current.promise as Promise<T>;
      }
      // Registered before the first await, so concurrent duplicates join this run.
      const promise = replayOrRun(key, fingerprint, operation);
      running.set(key, { fingerprint, promise });
      const done = () => running.delete(key);
      promise.then(done, done);
      return promise as Promise<T>;
    },
  };
}
