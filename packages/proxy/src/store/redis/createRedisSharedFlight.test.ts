import { afterEach, describe, expect, it } from 'vitest';
import { setupFakeUpstream } from '../../test/setupLiveProxy.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { upstreamClientFor } from '../../test/upstreamClientFor.js';
import { createRedisCache } from './createRedisCache.js';
import { createRedisSharedFlight } from './createRedisSharedFlight.js';
import { createResilientCache } from './createResilientCache.js';

const redis = setupTestRedis();
const upstream = setupFakeUpstream();
afterEach(() => upstream.reset());

/**
 * One proxy instance's read path as the wiring makes it: the shared cache, then the shared
 * flight around the upstream client's own fetch-and-cache (`createUpstreamClient`'s hook).
 */
async function instance(namespace: string, options: { lockTtlMs?: number } = {}) {
  const connection = await redis.connect();
  const shared = createRedisCache({ connection, namespace });
  const cache = createResilientCache(shared);
  const subscriber = await redis.connect();
  const flight = await createRedisSharedFlight({ connection, subscriber, namespace, cache: shared, ...options });
  redis.cleanup(() => flight.close());
  const client = upstreamClientFor(upstream, { cache, cacheTtlMs: 5000 });
  return {
    flight,
    ready: () => connection.ready && subscriber.ready,
    async read(path: string): Promise<unknown> {
      const hit = await cache.get(path);
      if (hit !== undefined) return hit;
      return flight.run(path, () => client.get(path, (json) => json, { upstreamCalls: 0 }));
    },
  };
}

describe('createRedisSharedFlight', () => {
  it('costs one upstream call for 90 identical reads on three instances', async () => {
    const namespace = redis.namespace();
    const instances = await Promise.all([1, 2, 3].map(() => instance(namespace)));
    upstream.latencyMs = 100;
    const answers = await Promise.all(Array.from({ length: 90 }, (_, n) => instances[n % 3]?.read('/v1/operators?limit=200&offset=0')));
    expect(upstream.calls).toHaveLength(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 'success' });
  });

  it('shares the failure of the fetching instance with the ones that waited', async () => {
    const namespace = redis.namespace();
    const instances = await Promise.all([1, 2, 3].map(() => instance(namespace)));
    upstream.on('GET', '/v1/tags', { status: 500, latencyMs: 100 });
    const answers = await Promise.allSettled(instances.map((one) => one.read('/v1/tags')));
    expect(upstream.calls).toHaveLength(1);
    expect(answers.map((answer) => answer.status === 'rejected' && (answer.reason as { status: number; code: string }))).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ status: 502, code: 'upstream_error' })),
    );
  });

  it('lets a waiting instance fetch once the fetching one let go without a result', async () => {
    const namespace = redis.namespace();
    const [a, b] = await Promise.all([1, 2].map(() => instance(namespace, { lockTtlMs: 300 })));
    if (!a || !b) throw new Error('two instances expected');
    // a's fetch never ends (its process would have died): its lock expires, b fetches.
    void a.flight.run('/v1/channels', () => new Promise(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    expect(await b.read('/v1/channels')).toMatchObject({ status: 'success' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(upstream.calls).toHaveLength(1);
  });

  it('reads through to Chat2Desk while Redis is down, and coalesces again once it is back', async () => {
    const namespace = redis.namespace();
    const instances = await Promise.all([1, 2].map(() => instance(namespace)));
    await redis.server.kill();
    try {
      const answers = await Promise.all(instances.map((one) => one.read('/v1/operators_groups')));
      expect(answers.map((answer) => (answer as { status: string }).status)).toEqual(['success', 'success']);
      expect(upstream.calls).toHaveLength(2);
    } finally {
      await redis.server.restart();
    }
    // The connections come back on their own (and the subscriber resubscribes).
    await expect.poll(() => instances.every((one) => one.ready()), { timeout: 5000 }).toBe(true);
    upstream.reset();
    upstream.latencyMs = 100;
    await Promise.all(Array.from({ length: 10 }, (_, n) => instances[n % 2]?.read('/v1/channels')));
    expect(upstream.calls).toHaveLength(1);
  });
});
