/**
 * `pnpm --filter @c2d-console/proxy bench:cluster`: cached `GET /clients` at 64 connections
 * through three proxy instances sharing one Redis (the `redis` option), against one instance
 * with the in-memory defaults; then what Redis adds to one cached read, in process. Starts its own `redis-server` (nothing persisted) and a fake
 * Chat2Desk answering in 20 ms; each proxy instance is a process of its own. Prints a markdown
 * table for the README.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createMemoryCache } from '../src/store/createMemoryCache.js';
import { createRedisCache } from '../src/store/redis/createRedisCache.js';
import { createRedisConnection } from '../src/store/redis/createRedisConnection.js';
import { startRedis } from '../src/test/startRedis.js';
import { upstreamClients } from '../src/test/createFakeUpstream.js';
import { forkBenchServer, type BenchServer } from './forkBenchServer.js';
import type { Cache } from '../src/store/Cache.js';

const CONNECTIONS = 64;
const SECONDS = 15;
const INSTANCES = 3;
const READS = 20_000;
const TOKEN = 'bench-chat2desk-token';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

type Child = BenchServer<{ calls: number }>;
const start = (path: string, args: string[] = []): Promise<Child> => forkBenchServer(path, args, ['--import', 'tsx']);

interface Row {
  name: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  upstreamCalls: number;
}

/** 64 connections for SECONDS, split across `instances` (one autocannon each, run together). */
async function measure(name: string, instances: Child[], upstream: Child): Promise<Row> {
  const share = (index: number) => Math.floor(CONNECTIONS / instances.length) + (index < CONNECTIONS % instances.length ? 1 : 0);
  const load = (duration: number) => Promise.all(instances.map((instance, index) => autocannon({ url: `${instance.url}/clients`, connections: share(index), duration })));
  await load(2); // warm-up: fills the cache, lets the JIT settle
  const before = await upstream.stats();
  const results = await load(SECONDS);
  const after = await upstream.stats();
  return {
    name,
    requests: results.reduce((sum, result) => sum + result.requests.total, 0),
    throughput: Math.round(results.reduce((sum, result) => sum + result.requests.average, 0)),
    // Percentiles do not add up across runs: the p50 is the middle run's, the p99 the worst one.
    p50: results.map((result) => result.latency.p50).toSorted((a, b) => a - b)[Math.floor(results.length / 2)] ?? 0,
    p99: Math.max(...results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts + result.non2xx, 0),
    upstreamCalls: after.calls - before.calls,
  };
}

/** Microseconds of `READS` sequential cached reads of `key`: p50 and p99. */
async function timeReads(cache: Cache, key: string): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let n = 0; n < READS; n++) {
    const started = performance.now();
    // oxlint-disable-next-line no-await-in-loop -- one read at a time is what is measured
    await cache.get(key);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(READS * 0.5)] ?? 0, p99: times[Math.floor(READS * 0.99)] ?? 0 };
}

const redis = await startRedis();
const servers: Child[] = [];
try {
  const upstream = await start(here('./fakeUpstream.ts'));
  servers.push(upstream);

  const single = await start(here('./clusterInstance.ts'), ['memory', upstream.url, TOKEN]);
  servers.push(single);
  const memoryRow = await measure('1 instance, in-memory store', [single], upstream);
  await single.stop();

  const cluster = await Promise.all(Array.from({ length: INSTANCES }, () => start(here('./clusterInstance.ts'), ['redis', upstream.url, TOKEN, redis.url])));
  servers.push(...cluster);
  const redisRow = await measure(`${INSTANCES} instances, one Redis`, cluster, upstream);

  // What one cached read costs: the mapped first page of clients (20), as the proxy caches it.
  const page = { data: Array.from({ length: 20 }, (_, n) => ({ ...upstreamClients[n % 2], id: 1000 + n })), meta: { total: 500, limit: 20, offset: 0 } };
  const memory = createMemoryCache();
  memory.set('/v1/clients?limit=20&offset=0', page, 60_000);
  const connection = createRedisConnection({ url: redis.url });
  await connection.connected(5000);
  const shared = createRedisCache({ connection, namespace: 'bench:' });
  await shared.set('/v1/clients?limit=20&offset=0', page, 60_000);
  await timeReads(shared, '/v1/clients?limit=20&offset=0'); // warm-up
  const memoryRead = await timeReads(memory, '/v1/clients?limit=20&offset=0');
  const redisRead = await timeReads(shared, '/v1/clients?limit=20&offset=0');
  await connection.close();

  const rows = [memoryRow, redisRow];
  const table = [
    `| cached \`GET /clients\`, ${CONNECTIONS} connections, ${SECONDS} s, upstream latency 20 ms | requests | req/s | p50 ms | p99 ms | errors | upstream calls |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.throughput} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.upstreamCalls} |`),
  ].join('\n');
  const extraP50 = (redisRead.p50 - memoryRead.p50) / 1000;
  console.info(`\n${table}\n`);
  console.info(
    `One cached read (${READS} in a row, in process): in memory p50 ${memoryRead.p50.toFixed(1)} µs, p99 ${memoryRead.p99.toFixed(1)} µs; ` +
      `Redis on loopback p50 ${redisRead.p50.toFixed(1)} µs, p99 ${redisRead.p99.toFixed(1)} µs: Redis adds ${extraP50.toFixed(3)} ms at p50 (goal < 1 ms). ` +
      `Node ${process.version}, redis-server on loopback, one process per proxy instance, load average ${loadavg()[0]?.toFixed(1)} at the end.`,
  );
  if (extraP50 >= 1 || redisRow.errors > 0 || memoryRow.errors > 0) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await redis.stop();
}
