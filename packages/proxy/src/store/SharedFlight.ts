/**
 * Coalesces identical upstream reads across proxy instances: of the instances that miss the
 * cache for one key at the same time, one fetches (and caches) while the others wait and read
 * its result. Within one process the upstream client already shares one in-flight call per
 * path; this extends that to every instance of the account. The Redis implementation is
 * `createRedisSharedFlight`.
 */
export interface SharedFlight {
  /**
   * Runs `fetch` (which stores its result in the shared cache under `key`) unless another
   * instance is fetching `key` now; then waits for that one and answers the value it cached
   * (or the error it failed with). Falls back to `fetch` when coordination is unavailable.
   */
  run<T>(key: string, fetch: () => Promise<T>): Promise<T>;
  /** Stops listening for other instances' results. */
  close(): Promise<void>;
}
