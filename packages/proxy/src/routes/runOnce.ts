import type { Caller } from '../Caller.js';
import type { IdempotencyGuard } from '../store/createIdempotencyGuard.js';

/** SHA-256 of `text`, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One write, as {@link runOnce} guards it. */
export interface GuardedWrite {
  /** The browser's `idempotencyKey`; without one, the write simply runs. */
  key: string | undefined;
  /** What the write says, as one string: the same key with another text is refused (400). */
  fingerprint: string;
}

/**
 * Runs a write at most once per caller and `idempotencyKey`, as sends are: the same key again
 * (within ten minutes, or while the first is running) answers the first outcome without calling
 * Chat2Desk again. Keys are the caller's own (anonymous callers share one scope). Writes are
 * never retried upstream; the browser retries with the same key.
 */
export async function runOnce<T>(idempotency: IdempotencyGuard, caller: Caller, write: GuardedWrite, run: () => Promise<T>): Promise<T> {
  if (write.key === undefined) return run();
  return idempotency.run({ scope: caller.subject, key: write.key, fingerprint: await sha256Hex(write.fingerprint) }, run);
}

/** The fingerprint of a write other than a send: what it is, on which record, with what input. */
export const writeFingerprint = (what: string, id: number, input: Record<string, unknown>): string => {
  const { idempotencyKey: _key, ...rest } = input;
  return JSON.stringify([what, id, rest]);
};
