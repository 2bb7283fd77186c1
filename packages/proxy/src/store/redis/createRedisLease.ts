import { randomUUID } from 'node:crypto';
import type { Lease } from '../Lease.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';

/** Options of {@link createRedisLease}. */
export interface RedisLeaseOptions {
  connection: RedisConnection;
  /** The lease's key (under the account's namespace). */
  key: string;
}

// Takes the lease when it is free or already ours (then extends it).
const ACQUIRE = defineLua(`local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`);

// Lets go only of our own lease (an expired one may be another instance's by now).
const RELEASE = defineLua(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

/**
 * A {@link Lease} in Redis: held by one instance at a time (a random holder id under `key`, with
 * an expiry), so background work that would otherwise run on every instance runs on one; if
 * that instance dies, the lease expires and another takes the work over.
 */
export function createRedisLease(options: RedisLeaseOptions): Lease {
  const { connection, key } = options;
  const holder = randomUUID();
  return {
    async acquire(ttlMs) {
      return (await connection.run<number>(ACQUIRE, [key], [holder, Math.ceil(ttlMs)])) === 1;
    },
    async release() {
      await connection.run(RELEASE, [key], [holder]);
    },
  };
}
