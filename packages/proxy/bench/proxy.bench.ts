/**
 * `pnpm --filter @c2d-console/proxy bench`: cached `GET /clients` through @c2d-console/proxy vs a
 * plain pass-through (Express + http-proxy-middleware), both in front of the same fake
 * Chat2Desk answering in 20 ms. Each server runs in its own process; autocannon drives 64
 * connections from this one. Prints a markdown table (paste it into the README).
 */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sign } from 'hono/jwt';
import { forkBenchServer, type BenchServer } from './forkBenchServer.js';

const CONNECTIONS = 64;
const PROXY_REQUESTS = 100_000;
const PASSTHROUGH_SECONDS = 15;
const TOKEN = 'bench-chat2desk-token';
const JWT_SECRET = 'bench-jwt-secret';
const serversPath = fileURLToPath(new URL('./servers.mjs', import.meta.url));
const upstreamPath = fileURLToPath(new URL('./fakeUpstream.ts', import.meta.url));

type Server = BenchServer<{ calls: number; rss: number }>;

function startServer(mode: 'upstream' | 'proxy' | 'passthrough', args: string[] = []): Promise<Server> {
  return mode === 'upstream' ? forkBenchServer(upstreamPath, [], ['--import', 'tsx']) : forkBenchServer(serversPath, [mode, ...args]);
}

interface Row {
  name: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  upstreamCalls: number;
  rssMb: number;
}

async function measure(name: string, server: Server, upstream: Server, options: Omit<autocannon.Options, 'url'>): Promise<Row> {
  const before = await upstream.stats();
  const result = await autocannon({ url: `${server.url}/clients`, connections: CONNECTIONS, ...options });
  const after = await upstream.stats();
  return {
    name,
    requests: result.requests.total,
    throughput: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    upstreamCalls: after.calls - before.calls,
    rssMb: Math.round((await server.stats()).rss / 1024 / 1024),
  };
}

const upstream = await startServer('upstream');
const servers: Server[] = [upstream];
try {
  const jwt = await sign({ sub: 'bench', exp: Math.floor(Date.now() / 1000) + 3600 }, JWT_SECRET, 'HS256');
  const headers = { authorization: `Bearer ${jwt}` };

  const proxy = await startServer('proxy', [upstream.url, TOKEN, JWT_SECRET]);
  servers.push(proxy);
  // Warm-up: fills the cache and lets the JIT settle before measuring.
  await autocannon({ url: `${proxy.url}/clients`, connections: CONNECTIONS, duration: 2, headers });
  const ours = await measure('@c2d-console/proxy (cached, JWT auth)', proxy, upstream, { amount: PROXY_REQUESTS, headers });
  await proxy.stop();

  const passthrough = await startServer('passthrough', [upstream.url, TOKEN]);
  servers.push(passthrough);
  await autocannon({ url: `${passthrough.url}/clients`, connections: CONNECTIONS, duration: 2 });
  const plain = await measure('Express + http-proxy-middleware', passthrough, upstream, { duration: PASSTHROUGH_SECONDS });

  const rows = [ours, plain];
  const table = [
    `| server (64 connections, upstream latency 20 ms) | requests | req/s | p50 ms | p99 ms | errors | upstream calls | RSS after MB |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    ...rows.map(
      (r) => `| ${r.name} | ${r.requests} | ${r.throughput} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.upstreamCalls} | ${r.rssMb} |`,
    ),
  ].join('\n');
  const ratio = ours.throughput / Math.max(1, plain.throughput);
  console.info(`\n${table}\n`);
  console.info(
    `Throughput ${ratio.toFixed(1)}× the pass-through (target ≥ 3×); p99 ${ours.p99} ms (target < 25 ms); ` +
      `RSS ${ours.rssMb} MB after ${ours.requests} requests (target < 150 MB). Node ${process.version}.`,
  );
  if (ratio < 3 || ours.p99 >= 25 || ours.rssMb >= 150 || ours.errors > 0) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
