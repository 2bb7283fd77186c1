/**
 * The right to do some background work, held by one proxy instance at a time for a while (the
 * client index pass: one instance pages through Chat2Desk's clients for all of them, rather
 * than each spending the shared rate budget on the same pages). The Redis implementation is
 * `createRedisLease`; a single instance needs none.
 */
export interface Lease {
  /**
   * Takes the lease for `ttlMs`, or extends it when this instance holds it already; false
   * while another instance holds it.
   */
  acquire(ttlMs: number): Promise<boolean>;
  /** Lets go of the lease, if this instance holds it. */
  release(): Promise<void>;
}
