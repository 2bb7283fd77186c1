import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { silentLogger } from '../ProxyLogger.js';
import { createMemoryClientIndex } from '../store/clientIndex/createMemoryClientIndex.js';
import type { Lease } from '../store/Lease.js';
import type { UpstreamCallOptions, UpstreamClient } from '../upstream/createUpstreamClient.js';
import { createClientIndexer } from './createClientIndexer.js';

/** An upstream client answering `/v1/clients` pages with the fixtures' two clients, or failing. */
function fakeUpstream(answer: (path: string) => unknown) {
  const calls: Array<{ path: string; options: UpstreamCallOptions | undefined }> = [];
  const upstream = {
    queued: 0,
    async get(path: string, map: (payload: unknown) => unknown, _stats: unknown, options?: UpstreamCallOptions) {
      calls.push({ path, options });
      return map(answer(path));
    },
  };
  return { upstream: upstream as unknown as UpstreamClient & { queued: number }, calls };
}

const twoClients = () => c2d.clientsList;

/** A lease shared by the instances of one test, in memory (`createRedisLease` is tested on a real Redis). */
function sharedLease() {
  let holder: { id: number; until: number } | undefined;
  let ids = 0;
  return (): Lease => {
    const id = ++ids;
    return {
      async acquire(ttlMs) {
        if (holder && holder.id !== id && holder.until > performance.now()) return false;
        holder = { id, until: performance.now() + ttlMs };
        return true;
      },
      async release() {
        if (holder?.id === id) holder = undefined;
      },
    };
  };
}

describe('createClientIndexer', () => {
  it('reads every page fresh from Chat2Desk, only while no console call waits for the rate limit', async () => {
    const index = createMemoryClientIndex();
    const { upstream, calls } = fakeUpstream(twoClients);
    upstream.queued = 3;
    const indexer = createClientIndexer({ index: async () => index, upstream, logger: silentLogger, pauseMs: 0, refreshMs: 60_000, yieldMs: 5 });
    indexer.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
    upstream.queued = 0;
    await expect.poll(async () => (await index.status()).complete).toBe(true);
    expect(calls).toEqual([{ path: '/v1/clients?limit=200&offset=0', options: { fresh: true } }]);
    expect((await index.search('james', { limit: 5, offset: 0 })).entries.map((e) => e.id)).toEqual([1202]);
    indexer.stop();
    await indexer.stopped();
  });

  it('with a lease, runs one pass for all instances, and another instance takes over when the first stalls', async () => {
    const index = createMemoryClientIndex();
    const lease = sharedLease();
    const first = fakeUpstream(twoClients);
    // The first instance's consoles keep its rate limiter busy: it holds the lease but reads no page.
    first.upstream.queued = 1;
    const options = { index: async () => index, logger: silentLogger, pauseMs: 0, refreshMs: 60_000, yieldMs: 5, leaseMs: 100 };
    const stalled = createClientIndexer({ ...options, upstream: first.upstream, lease: async () => lease() });
    stalled.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = fakeUpstream(twoClients);
    const other = createClientIndexer({ ...options, upstream: second.upstream, lease: async () => lease() });
    other.start();
    // The lease lapses unrenewed; the second instance indexes for both.
    await expect.poll(async () => (await index.status()).complete).toBe(true);
    expect(second.calls).toHaveLength(1);
    expect(first.calls).toEqual([]);
    // An instance started later finds the pass done, rather than reading every page again.
    const third = fakeUpstream(twoClients);
    const late = createClientIndexer({ ...options, upstream: third.upstream, lease: async () => lease() });
    late.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(third.calls).toEqual([]);
    for (const indexer of [stalled, other, late]) indexer.stop();
    await Promise.all([stalled, other, late].map((indexer) => indexer.stopped()));
  });

  it('tries a failed pass again after retryMs', async () => {
    const index = createMemoryClientIndex();
    let failures = 1;
    const { upstream, calls } = fakeUpstream(() => {
      if (failures-- > 0) throw new Error('Chat2Desk is down');
      return twoClients();
    });
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const indexer = createClientIndexer({ index: async () => index, upstream, logger, pauseMs: 0, refreshMs: 60_000, retryMs: 30 });
    indexer.start();
    await expect.poll(async () => (await index.status()).complete).toBe(true);
    expect(calls).toHaveLength(2);
    expect(lines.some((line) => line.includes('client index pass failed') && line.includes('Chat2Desk is down'))).toBe(true);
    indexer.stop();
    await indexer.stopped();
  });

  it('does not read a complete index younger than refreshMs again (a restart), and does once it is older', async () => {
    const index = createMemoryClientIndex();
    let now = Date.parse('2026-11-02T10:00:00Z');
    await index.setStatus({ indexed: 2, total: 2, complete: true, updatedAt: new Date(now - 1000).toISOString() });
    const { upstream, calls } = fakeUpstream(twoClients);
    const indexer = createClientIndexer({ index: async () => index, upstream, logger: silentLogger, pauseMs: 0, refreshMs: 60_000, now: () => now });
    indexer.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
    indexer.stop();
    await indexer.stopped();

    now += 60_000;
    const later = createClientIndexer({ index: async () => index, upstream, logger: silentLogger, pauseMs: 0, refreshMs: 60_000, now: () => now });
    later.start();
    await expect.poll(() => calls.length).toBe(1);
    later.stop();
    await later.stopped();
  });
});
