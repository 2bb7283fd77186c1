import { afterEach, expect } from 'vitest';
import type { ProxyOptions } from '../options.js';
import type { FakeUpstream } from './createFakeUpstream.js';
import { liveTestOptions, setupFakeUpstream } from './setupLiveProxy.js';
import { setupTestRedis, type TestRedisHandle } from './setupTestRedis.js';
import { startProxy, type TestProxy } from './startProxy.js';

/** A test file's proxy instances sharing one real Redis, in front of one fake Chat2Desk. */
export interface ProxyCluster {
  /** The file's fake Chat2Desk: what every instance's calls reach (forgotten after each test). */
  upstream: FakeUpstream;
  /** The file's `redis-server`: kill and restart it to test an outage. */
  redis: TestRedisHandle;
  /**
   * Starts `count` instances of the same account on one Redis namespace of this test's own
   * (closed after the test), and waits until each one has Redis open and answering.
   */
  start(count: number, options?: ProxyOptions): Promise<TestProxy[]>;
}

/**
 * Registers the hooks of a test file running several proxy instances in one process, as a
 * deployment behind a load balancer does: `liveTestOptions` against a fake Chat2Desk, and
 * `redis` on the file's own `redis-server`.
 */
export function setupProxyCluster(defaults: ProxyOptions = {}): ProxyCluster {
  const upstream = setupFakeUpstream();
  const redis = setupTestRedis();
  const running: TestProxy[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((proxy) => proxy.close()));
    upstream.reset();
  });
  return {
    upstream,
    redis,
    async start(count, options = {}) {
      const keyPrefix = redis.namespace();
      const instances = await Promise.all(
        Array.from({ length: count }, () =>
          startProxy({ ...liveTestOptions(upstream), redis: { url: redis.url, keyPrefix }, ...defaults, ...options }),
        ),
      );
      running.push(...instances);
      // `/health` opens Redis (on first use) and says when it answers; its probe of Chat2Desk is
      // not part of what the tests count.
      await Promise.all(instances.map((instance) => expect.poll(async () => (await instance.call('/health')).body.redis, { timeout: 10_000 }).toMatchObject({ status: 'up' })));
      upstream.reset();
      return instances;
    },
  };
}
