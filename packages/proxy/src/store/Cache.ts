/**
 * A key-value store with per-entry expiry. The proxy keeps mapped upstream answers and send
 * results in it; the in-memory default serves one process, a shared implementation (Redis)
 * lets several proxy instances share them. Values are JSON-serializable. A store bounded by
 * bytes weighs each entry by `sizeBytes` when given (the upstream client passes the raw size
 * of the answer), so it need not serialize a value to weigh it.
 */
export interface Cache {
  /** The value stored under `key`, or `undefined` when absent or expired. */
  get(key: string): unknown | Promise<unknown>;
  /** Stores `value` for `ttlMs` milliseconds; `sizeBytes` is what it weighs (else the store estimates). */
  set(key: string, value: unknown, ttlMs: number, sizeBytes?: number): void | Promise<void>;
  /** Removes `key`. */
  delete(key: string): void | Promise<void>;
  /** Removes every key starting with `prefix` (a client's cached message pages after a send). */
  deletePrefix(prefix: string): void | Promise<void>;
}
