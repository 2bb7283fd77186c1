import { createHash, randomUUID } from 'node:crypto';
import { isProxyError, ProxyError, type ProxyErrorCode } from '../../ProxyError.js';
import { AMBIGUOUS_SEND_ERRORS, idempotencyKeyMismatch, type IdempotencyGuard, type IdempotencyRequest } from '../createIdempotencyGuard.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';

/** Options of {@link createRedisIdempotencyGuard}. */
export interface RedisIdempotencyGuardOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** How long a key is remembered (default ten minutes). */
  ttlMs?: number;
  /**
   * Longest a duplicate waits for the first request's outcome on another instance (default 30 s,
   * more than a send can take). Past it, the send may or may not have gone out: the duplicate is
   * answered 504 rather than sent again.
   */
  maxWaitMs?: number;
  /** Receives what could not be written after a send (its outcome is then unknown to duplicates). */
  onError?: (error: unknown) => void;
}

type Stored =
  | { state: 'pending'; fingerprint: string; owner: string }
  | { state: 'done'; fingerprint: string; ok: true; value: unknown }
  | { state: 'done'; fingerprint: string; ok: false; status: number; code: ProxyErrorCode; message: string };

// Deletes the pending marker only if it is still this run's (a refusal proves nothing was sent).
const FORGET = defineLua(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The answer of a duplicate whose first request never reported its outcome. */
const outcomeUnknown = () =>
  new ProxyError(
    504,
    'upstream_timeout',
    'An earlier request with this idempotencyKey has not finished, or its proxy instance stopped: the message may have been sent. Check the conversation before sending it again with a new key',
  );

/**
 * The {@link IdempotencyGuard} of several instances: the first request of a key takes it with
 * `SET NX` (a pending marker, kept for the TTL), runs, and replaces the marker with its outcome;
 * a duplicate on any instance waits for that outcome and answers it. Same rules as the in-memory
 * guard: ambiguous failures are remembered, refusals that prove nothing was sent are forgotten.
 *
 * While Redis is down a send with a key is refused with 503 `unavailable` before anything is
 * sent: sending unguarded could send twice. A marker whose instance died mid-send stays for the
 * TTL, and duplicates get a 504 naming the doubt, never a second send.
 */
export function createRedisIdempotencyGuard(options: RedisIdempotencyGuardOptions): IdempotencyGuard {
  const { connection } = options;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  // Duplicates on this instance join the run here instead of polling Redis.
  const running = new Map<string, { fingerprint: string; promise: Promise<unknown> }>();

  const replay = (stored: Stored & { state: 'done' }): unknown => {
    if (stored.ok) return stored.value;
    throw new ProxyError(stored.status, stored.code, stored.message);
  };

  /** Waits for the outcome of another instance's run; `undefined` when its marker went away (a refusal). */
  async function waitForOutcome(storeKey: string, fingerprint: string): Promise<{ value: unknown } | undefined> {
    const deadline = performance.now() + maxWaitMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      // oxlint-disable-next-line no-await-in-loop -- polling until the first run is over
      await sleep(delay);
      // oxlint-disable-next-line no-await-in-loop -- polling until the first run is over
      const text = await connection.command<string | null>(['GET', storeKey]);
      if (text === null) return undefined;
      const stored = JSON.parse(text) as Stored;
      if (stored.fingerprint !== fingerprint) throw idempotencyKeyMismatch();
      if (stored.state === 'done') return { value: replay(stored) };
      if (performance.now() > deadline) throw outcomeUnknown();
    }
  }

  async function runOnce(storeKey: string, fingerprint: string, operation: () => Promise<unknown>): Promise<unknown> {
    for (;;) {
      const marker = JSON.stringify({ state: 'pending', fingerprint, owner: randomUUID() } satisfies Stored);
      // One round trip: take the key, or learn what is there.
      // oxlint-disable-next-line no-await-in-loop -- again only after the first run was refused
      const seen = await connection.command<string | null>(['SET', storeKey, marker, 'NX', 'GET', 'PX', ttlMs]);
      if (seen !== null) {
        const stored = JSON.parse(seen) as Stored;
        if (stored.fingerprint !== fingerprint) throw idempotencyKeyMismatch();
        if (stored.state === 'done') return replay(stored);
        // oxlint-disable-next-line no-await-in-loop -- see above
        const outcome = await waitForOutcome(storeKey, fingerprint);
        if (outcome) return outcome.value;
        continue; // the first run was refused and forgot the key: this one may send
      }
      return own(storeKey, fingerprint, marker, operation);
    }
  }

  async function own(storeKey: string, fingerprint: string, marker: string, operation: () => Promise<unknown>): Promise<unknown> {
    const remember = async (stored: Stored) => {
      try {
        await connection.command(['SET', storeKey, JSON.stringify(stored), 'PX', ttlMs]);
      } catch (error) {
        // The marker stays: duplicates answer 504 (outcome unknown), never send again.
        options.onError?.(error);
      }
    };
    let value: unknown;
    try {
      value = await operation();
    } catch (error) {
      if (isProxyError(error) && AMBIGUOUS_SEND_ERRORS.has(error.code)) {
        await remember({ state: 'done', fingerprint, ok: false, status: error.status, code: error.code, message: error.message });
      } else {
        await connection.run(FORGET, [storeKey], [marker]).catch((forgetError: unknown) => options.onError?.(forgetError));
      }
      throw error;
    }
    await remember({ state: 'done', fingerprint, ok: true, value });
    return value;
  }

  return {
    run<T>({ scope, key, fingerprint }: IdempotencyRequest, operation: () => Promise<T>): Promise<T> {
      // Hashed: keys come from browsers, and JSON keeps `a:b` + `c` apart from `a` + `b:c`.
      const storeKey = `${options.namespace}idempotency:${createHash('sha256').update(JSON.stringify([scope, key])).digest('hex')}`;
      const current = running.get(storeKey);
      if (current) {
        if (current.fingerprint !== fingerprint) return Promise.reject(idempotencyKeyMismatch());
        return current.promise as Promise<T>;
      }
      const promise = runOnce(storeKey, fingerprint, operation);
      running.set(storeKey, { fingerprint, promise });
      const done = () => running.delete(storeKey);
      promise.then(done, done);
      return promise as Promise<T>;
    },
  };
}
