/**
 * `pnpm --filter @c2d-console/proxy bench:memory`: what the proxy's memory does with big
 * Chat2Desk answers. A fake Chat2Desk in this process answers 100 different pages of 5 MB each;
 * the built proxy runs in a child process under `--expose-gc` (`maxUpstreamBodyBytes` raised to
 * 8 MiB for them). Its RSS is read idle, right after the 100 answers, and once they have
 * expired. Two runs: the default cache bound (32 MiB), and a bound large enough to hold all
 * 100 pages, where only the purge of expired entries can bring the memory back. Prints a
 * markdown table (paste it into the README); exits 1 when, with the defaults, RSS after the TTL
 * is more than 50 MB above idle.
 */
/* oxlint-disable no-await-in-loop -- measurements and requests in order: each reads the state the previous one left */
import { fileURLToPath } from 'node:url';
import { createFakeUpstream, upstreamClients } from '../src/test/createFakeUpstream.js';
import { forkBenchServer, type BenchServer } from './forkBenchServer.js';

const MB = 1024 * 1024;
const PAGES = 100;
const PAGE_CLIENTS = 200;
const CONCURRENCY = 4;
// V8 hands the pages a GC freed back to the OS from background tasks, over seconds: RSS is read
// after 20 s with a full GC every 2 s, to see what the process really keeps.
const SETTLE_STEP_MS = 2000;
const SETTLE_STEPS = 10;
const serversPath = fileURLToPath(new URL('./servers.mjs', import.meta.url));

interface Memory {
  rss: number;
  heapUsed: number;
}

type Proxy = BenchServer<Memory>;

function startProxy(upstreamUrl: string, cacheMaxBytes: number, ttlMs: number): Promise<Proxy> {
  const args = ['memory', upstreamUrl, 'bench-token', '', String(8 * MB), String(cacheMaxBytes), String(ttlMs)];
  return forkBenchServer(serversPath, args, ['--expose-gc']);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round(bytes / MB);

// One 5 MB page of 200 clients (a long comment each), served for every offset.
const comment = 'x'.repeat(Math.floor((5 * MB) / PAGE_CLIENTS) - 600);
const clients = Array.from({ length: PAGE_CLIENTS }, (_, i) => ({ ...upstreamClients[0]!, id: 1000 + i, comment }));
const page = JSON.stringify({ data: clients, meta: { total: PAGES * PAGE_CLIENTS, limit: PAGE_CLIENTS, offset: 0 }, status: 'success' });

const upstream = await createFakeUpstream();
upstream.on('GET', '/v1/clients', { raw: page });

interface Row {
  name: string;
  ttlMs: number;
  idle: Memory;
  loaded: Memory;
  expired: Memory;
  loadMs: number;
}

/** The process's memory once V8 has returned the pages its GCs freed. */
async function settled(proxy: Proxy): Promise<Memory> {
  for (let step = 1; step < SETTLE_STEPS; step++) {
    await proxy.stats({ gc: true });
    await sleep(SETTLE_STEP_MS);
  }
  return proxy.stats({ gc: true });
}

async function measure(name: string, cacheMaxBytes: number, ttlMs: number): Promise<Row> {
  const proxy = await startProxy(upstream.url, cacheMaxBytes, ttlMs);
  try {
    await fetch(`${proxy.url}/health`).then((r) => r.text());
    const idle = await settled(proxy);
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < PAGES) {
        const offset = next++ * PAGE_CLIENTS;
        const response = await fetch(`${proxy.url}/clients?limit=${PAGE_CLIENTS}&offset=${offset}`);
        if (response.status !== 200) throw new Error(`page ${offset} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const loadMs = performance.now() - started;
    const loaded = await proxy.stats({ gc: false });
    // The last page expires ttlMs after it arrived; expiry timers fire 1 ms later.
    await sleep(ttlMs + 1000);
    const expired = await settled(proxy);
    return { name, ttlMs, idle, loaded, expired, loadMs };
  } finally {
    await proxy.stop();
  }
}

try {
  // The defaults (32 MiB, 5 s); then a bound and a TTL that keep all 100 pages until the last
  // has arrived (the 100 answers take 10-120 s on a busy 2-core machine).
  const rows = [
    await measure('defaults: cache bound 32 MiB, TTL 5 s', 32 * MB, 5000),
    await measure('cache bound 1 GiB, TTL 180 s (holds all 100 pages)', 1024 * MB, 180_000),
  ];
  console.info(
    [
      `| ${PAGES} answers of 5 MB | RSS idle MB | RSS after ${PAGES} answers MB | RSS after the TTL MB | heap used after the TTL MB | answers took s |`,
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${mb(r.idle.rss)} | ${mb(r.loaded.rss)} | ${mb(r.expired.rss)} | ${mb(r.expired.heapUsed)} | ${(r.loadMs / 1000).toFixed(0)} |`,
      ),
    ].join('\n'),
  );
  const [defaults, holdAll] = rows.map((r) => mb(r.expired.rss - r.idle.rss));
  const late = rows.filter((r) => r.loadMs > r.ttlMs && r.ttlMs > 5000);
  console.info(
    `\nAfter the TTL, RSS is ${defaults} MB above idle with the defaults (target ≤ 50 MB), ${holdAll} MB with all ` +
      `100 pages cached until they expired. Node ${process.version}.` +
      (late.length > 0 ? ' The answers took longer than the TTL: the first pages expired before the last arrived.' : ''),
  );
  if ((defaults ?? Infinity) > 50) process.exitCode = 1;
} finally {
  await upstream.close();
}
