/**
 * `pnpm --filter @c2d-console/proxy bench:events`: the live console's two promises, measured on
 * the built proxy (its own process, the CLI's SQLite store, a fake Chat2Desk answering in 20 ms).
 *
 * 1. Fan-out: 1 000 `GET /events` streams (read by a child process of plain `node:http`
 *    clients) while this process posts 100 `inbox` webhooks a second (after 5 s of the same,
 *    not measured, to warm up). Delivery latency is the
 *    time from a webhook's POST to its event arriving on each connection (one clock: both
 *    processes run on this machine); memory per connection is the proxy's RSS and heap with
 *    the streams open, less idle, over their number; CPU time per webhook is the proxy's own
 *    (what it needs of a core, whatever the machine's load), beside the load average, since on
 *    a busy machine the latency is mostly the wait for a core.
 * 2. Chat2Desk calls: 50 consoles, each with one client's history open, for 10 minutes while one
 *    message a second arrives. Polling (today: every console refetches its history every 10 s)
 *    against events (a console refetches only when an event names its client). Time runs
 *    `--scale` times faster (default 10: the 10 minutes take one), and so do the polling
 *    interval and the message rate, both on the clock, which keeps the counts those of real
 *    time. The proxy's cache is off in this part: in real time it changes neither count (see
 *    `consoleCalls`), squeezed it would.
 *
 * Prints markdown tables (paste them into the README). Exits 1 when p99 delivery is 100 ms or
 * more, or events make fewer than 20× fewer calls than polling with messages spread over the
 * account. Options: --connections 1000 --rate 100 --seconds 30 --consoles 50 --minutes 10
 * --scale 10 --clients 500 (the account's active clients messages are spread over), and
 * --only fan-out|calls to run one part, --store memory for the in-memory store.
 */
/* oxlint-disable no-await-in-loop -- runs and measurements in order: each reads the state the previous one left */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createConsoleClient } from '@c2d-console/core';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { createRandom } from '../src/sandbox/createRandom.js';
import { createFakeUpstream } from '../src/test/createFakeUpstream.js';
import { forkBenchServer, type BenchServer } from './forkBenchServer.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    consoles: { type: 'string', default: '50' },
    minutes: { type: 'string', default: '10' },
    scale: { type: 'string', default: '10' },
    clients: { type: 'string', default: '500' },
    only: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const CONNECTIONS = Number(values.connections);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const CONSOLES = Number(values.consoles);
const MINUTES = Number(values.minutes);
const SCALE = Number(values.scale);
const ACTIVE_CLIENTS = Number(values.clients);

const TOKEN = 'bench-chat2desk-token';
const SECRET = 'bench-webhook-secret-0123456789';
const MB = 1024 * 1024;
const POLL_MS = 10_000;
const WARM_UP_SECONDS = 5;
const CACHE_TTL_MS = 5000;
const PAGE = 30;
const serversPath = fileURLToPath(new URL('./servers.mjs', import.meta.url));
const clientsPath = fileURLToPath(new URL('./sseClients.mjs', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const epochNow = () => performance.timeOrigin + performance.now();

interface Memory {
  rss: number;
  heapUsed: number;
  /** CPU time the process has used so far. */
  cpuMs: number;
}

const POSTING = { keepAlive: true, maxSockets: 16 };
/** Chat2Desk's side: kept-alive connections to the proxy under test (a new pool for each proxy). */
let posting = new Agent(POSTING);

interface Proxy extends Omit<BenchServer<Memory>, 'stop'> {
  /** Stops it, with its webhook connections and its data. */
  stop(): Promise<void>;
}

async function startProxy(upstreamUrl: string, cacheTtlMs: number, maxConnections: number): Promise<Proxy> {
  const dataDir = await mkdtemp(join(tmpdir(), 'c2d-bench-events-'));
  const args = ['events', upstreamUrl, TOKEN, '', SECRET, String(cacheTtlMs), String(maxConnections), values.store === 'memory' ? '' : dataDir];
  const server = await forkBenchServer<Memory>(serversPath, args, ['--expose-gc']);
  return {
    ...server,
    async stop() {
      await server.stop();
      posting.destroy();
      posting = new Agent(POSTING);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The proxy's memory once V8 has had time to return what its collections freed. */
async function settled(proxy: Proxy): Promise<Memory> {
  for (let step = 0; step < 5; step++) {
    await proxy.stats({ gc: true });
    await sleep(1000);
  }
  return proxy.stats({ gc: true });
}

/** POSTs one `inbox` delivery as Chat2Desk does; resolves with the HTTP status. */
function postInbox(url: string, messageId: number, clientId: number): Promise<number> {
  const body = JSON.stringify({ ...c2d.hookInbox, message_id: messageId, client_id: clientId, text: `bench message ${messageId}`, event_time: new Date().toISOString() });
  const send = (retried: boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${url}/webhooks/chat2desk/${SECRET}`, { method: 'POST', agent: posting, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as it was reused (Node's documented race): the
        // delivery never reached the proxy, so sending it again is what Chat2Desk's retry would do.
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') resolve(send(true));
        else reject(error);
      });
      req.end(body);
    });
  return send(false);
}

/**
 * Keeps `promise` for a later `Promise.all`, marked as handled now: one failed delivery among
 * hundreds still pending must be reported where they are awaited, not end the process on the spot.
 */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

/** What the clients' process received, and the CPU time it has used. */
function collect(clients: ChildProcess): Promise<{ times: Float64Array; broken: number; cpuMs: number }> {
  return new Promise((resolve) => {
    clients.once('message', resolve);
    clients.send({ type: 'collect' });
  });
}

const clientsCpu = async (clients: ChildProcess) => (await collect(clients)).cpuMs;

// ---- 1. fan-out ------------------------------------------------------------------------------

interface FanOut {
  idle: Memory;
  open: Memory;
  p50: number;
  p99: number;
  max: number;
  lastP99: number;
  delivered: number;
  expected: number;
  broken: number;
  answerP50: number;
  answerP99: number;
  /** Share of one core the proxy and the clients' process used while the webhooks came. */
  proxyCpu: number;
  clientsCpu: number;
  /** CPU time the proxy spent per webhook: storing it and writing it to every connection (ms). */
  proxyCpuPerWebhook: number;
  /** The machine's 1-minute load average when the webhooks began and when they were delivered. */
  load: [number, number];
}

async function fanOut(upstreamUrl: string): Promise<FanOut> {
  const proxy = await startProxy(upstreamUrl, CACHE_TTL_MS, CONNECTIONS);
  try {
    await fetch(`${proxy.url}/health`).then((r) => r.text());
    // The store opens with the first webhook: open it before measuring idle.
    await postInbox(proxy.url, 0, 1201);
    const idle = await settled(proxy);
    const total = RATE * SECONDS;
    const clients = fork(clientsPath, [proxy.url, String(CONNECTIONS), String(total)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const killClients = () => clients.kill();
    process.once('exit', killClients);
    await new Promise<void>((resolve) => clients.once('message', () => resolve()));
    const open = await settled(proxy);

    // Warm-up at the same rate, not measured (ids above the measured ones, which the clients ignore).
    const warmUp: Array<Promise<number>> = [];
    const warmStarted = epochNow();
    for (let n = 1; n <= RATE * WARM_UP_SECONDS; n++) {
      await sleep(Math.max(0, warmStarted + (n * 1000) / RATE - epochNow()));
      warmUp.push(later(postInbox(proxy.url, total + n, 1201)));
    }
    await Promise.all(warmUp);

    const posted = new Float64Array(total);
    const answers: number[] = [];
    const pending: Array<Promise<void>> = [];
    const proxyCpuBefore = (await proxy.stats({ gc: false })).cpuMs;
    const clientsCpuBefore = await clientsCpu(clients);
    const loadBefore = loadavg()[0] as number;
    const started = epochNow();
    for (let id = 1; id <= total; id++) {
      const due = started + ((id - 1) * 1000) / RATE;
      const wait = due - epochNow();
      if (wait > 0) await sleep(wait);
      posted[id - 1] = epochNow();
      pending.push(
        later(
          postInbox(proxy.url, id, 1201).then((status) => {
            if (status !== 200) throw new Error(`webhook ${id} answered ${status}`);
            answers.push(epochNow() - (posted[id - 1] as number));
          }),
        ),
      );
    }
    await Promise.all(pending);
    const elapsed = epochNow() - started;
    const proxyCpu = ((await proxy.stats({ gc: false })).cpuMs - proxyCpuBefore) / elapsed;
    await sleep(2000);
    // After the last batch went out: every webhook's whole cost, the 2 s of quiet next to nothing.
    const proxyCpuPerWebhook = ((await proxy.stats({ gc: false })).cpuMs - proxyCpuBefore) / total;
    const loadAfter = loadavg()[0] as number;
    const { times, broken, cpuMs } = await collect(clients);
    const clientsExited = new Promise((resolve) => clients.once('exit', resolve));
    process.off('exit', killClients);
    clients.kill();
    await clientsExited;

    const latencies: number[] = [];
    const lastPerMessage: number[] = [];
    for (let id = 0; id < total; id++) {
      let last = 0;
      for (let c = 0; c < CONNECTIONS; c++) {
        const at = times[c * total + id] as number;
        if (Number.isNaN(at)) continue;
        const latency = at - (posted[id] as number);
        latencies.push(latency);
        last = Math.max(last, latency);
      }
      lastPerMessage.push(last);
    }
    const sorted = Float64Array.from(latencies).toSorted();
    const lastSorted = Float64Array.from(lastPerMessage).toSorted();
    const answerSorted = Float64Array.from(answers).toSorted();
    return {
      idle,
      open,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      lastP99: percentile(lastSorted, 99),
      delivered: latencies.length,
      expected: total * CONNECTIONS,
      broken,
      answerP50: percentile(answerSorted, 50),
      answerP99: percentile(answerSorted, 99),
      proxyCpu,
      // The 2 s after the webhooks were over cost the clients next to nothing.
      clientsCpu: (cpuMs - clientsCpuBefore) / elapsed,
      proxyCpuPerWebhook,
      load: [loadBefore, loadAfter],
    };
  } finally {
    await proxy.stop();
  }
}

// ---- 2. Chat2Desk calls of 50 consoles -----------------------------------------------------------

type Mode = 'polling' | 'events';

interface Calls {
  name: string;
  /** History requests the consoles made to the proxy. */
  requests: number;
  /** Chat2Desk calls the proxy made for them. */
  calls: number;
  messages: number;
  forOpenClients: number;
}

/**
 * One run: `CONSOLES` consoles, each with one client's messages open, for `MINUTES` (scaled),
 * while a message a second (scaled) arrives for one of the account's clients: `spread` picks
 * whom (any of `ACTIVE_CLIENTS`, or only clients some console has open).
 */
async function consoleCalls(upstream: Awaited<ReturnType<typeof createFakeUpstream>>, mode: Mode, spread: 'account' | 'open', name: string): Promise<Calls> {
  // The cache off (1 ms): in real time its 5 s TTL answers neither a poll that comes every 10 s
  // nor a refetch after the webhook that dropped it, so it changes neither count. Squeezed
  // `--scale` times, an answer slowed by a busy machine lands within the squeezed TTL of the
  // next poll, and the cache would hide calls that polling makes in real time.
  const proxy = await startProxy(upstream.url, 1, CONSOLES + 10);
  const random = createRandom(11);
  const clientIds = Array.from({ length: ACTIVE_CLIENTS }, (_, i) => 2001 + i);
  const opened = random.shuffle(clientIds).slice(0, CONSOLES);
  const openSet = new Set(opened);
  const stop = new AbortController();
  const loads: Array<Promise<unknown>> = [];
  const failures = new Map<string, number>();
  const load = (clientId: number) => {
    // No abort signal: undici keeps a listener on it per request until collected, thousands here.
    // Every load is awaited below; those of a failed run fail with the proxy's process.
    const done = fetch(`${proxy.url}/clients/${clientId}/messages?limit=${PAGE}&offset=0`)
      .then(async (r) => {
        await r.arrayBuffer();
        if (!r.ok) failures.set(`HTTP ${r.status}`, (failures.get(`HTTP ${r.status}`) ?? 0) + 1);
      })
      .catch((error: unknown) => failures.set(String(error), (failures.get(String(error)) ?? 0) + 1));
    loads.push(done);
  };
  const messages = Math.round(MINUTES * 60);
  try {
    await postInbox(proxy.url, 0, 1201); // opens the store
    upstream.calls.length = 0;
    const started = performance.now();
    const endsAt = started + (messages * 1000) / SCALE;
    /**
     * One console's polling, on the clock as TanStack Query's `refetchInterval` is in real time
     * (`setInterval` reschedules from when a late tick ran, and under load that drift, stretched
     * `--scale` times, would drop a quarter of the polls). The consoles' polls are spread over
     * the interval, as consoles opened at different moments are: fifty at the same instant would
     * queue behind one another, and a poll whose answer is still on its way when the next one
     * comes (a second, squeezed) would share its call.
     */
    const poll = async (clientId: number, phase: number) => {
      for (let at = started + (phase + 1) * (POLL_MS / SCALE); at < endsAt; at += POLL_MS / SCALE) {
        await sleep(Math.max(0, at - performance.now()));
        load(clientId);
      }
    };
    const polls: Array<Promise<void>> = [];
    const streams: Array<Promise<void>> = [];
    for (const [index, clientId] of opened.entries()) {
      load(clientId);
      if (mode === 'polling') polls.push(poll(clientId, index / opened.length));
      else {
        // What the console's provider does: refetch the open history when an event names its client.
        const api = createConsoleClient({ apiUrl: proxy.url });
        streams.push(
          api
            .streamEvents({ signal: stop.signal, onEvent: (event) => event.type === 'message' && event.data.clientId === clientId && load(clientId) })
            .catch(() => undefined),
        );
      }
    }
    let forOpenClients = 0;
    const posts: Array<Promise<number>> = [];
    for (let n = 1; n <= messages; n++) {
      // On the clock, whatever the answers take, as the consoles' polling.
      await sleep(Math.max(0, started + (n * 1000) / SCALE - performance.now()));
      const clientId = spread === 'open' ? random.pick(opened) : random.pick(clientIds);
      if (openSet.has(clientId)) forOpenClients++;
      posts.push(later(postInbox(proxy.url, 10_000 + n, clientId)));
    }
    await Promise.all(polls);
    await sleep(Math.max(0, endsAt - performance.now()));
    await Promise.all(posts);
    await sleep(1000);
    await Promise.all(loads);
    const calls = upstream.calls.filter((call) => call.method === 'GET').length;
    stop.abort();
    await Promise.all(streams);
    if (failures.size > 0) console.warn(`${name}: history requests failed:`, Object.fromEntries(failures));
    return { name, requests: loads.length, calls, messages, forOpenClients };
  } finally {
    stop.abort();
    await proxy.stop();
  }
}

const upstream = await createFakeUpstream();
upstream.latencyMs = 20;
/** The fan-out's table, and whether it met its goal. */
async function reportFanOut(): Promise<boolean> {
  const fan = await fanOut(upstream.url);
  const perConnection = (key: keyof Memory) => (fan.open[key] - fan.idle[key]) / CONNECTIONS / 1024;
  console.info(
    [
      `| ${CONNECTIONS} SSE connections, ${RATE} webhooks/s for ${SECONDS} s | value |`,
      '|---|---:|',
      `| delivery latency, webhook POST → event on a connection: p50 / p99 / max ms | ${ms(fan.p50)} / ${ms(fan.p99)} / ${ms(fan.max)} |`,
      `| until the last connection has it, per webhook: p99 ms | ${ms(fan.lastP99)} |`,
      `| webhook answered (stored, streamed): p50 / p99 ms | ${ms(fan.answerP50)} / ${ms(fan.answerP99)} |`,
      `| events delivered | ${fan.delivered} of ${fan.expected}${fan.broken ? `, ${fan.broken} connections broke` : ''} |`,
      `| proxy RSS idle → with the connections open MB | ${Math.round(fan.idle.rss / MB)} → ${Math.round(fan.open.rss / MB)} |`,
      `| memory per connection: RSS / heap KiB | ${perConnection('rss').toFixed(1)} / ${perConnection('heapUsed').toFixed(1)} |`,
      `| CPU while the webhooks came: proxy / the clients' process (share of one core) | ${Math.round(fan.proxyCpu * 100)} % / ${Math.round(fan.clientsCpu * 100)} % |`,
      `| proxy CPU time per webhook (stored, written to all ${CONNECTIONS}) ms; at ${RATE}/s, share of one core | ${fan.proxyCpuPerWebhook.toFixed(2)}; ${Math.round((fan.proxyCpuPerWebhook * RATE) / 10)} % |`,
    ].join('\n'),
  );
  console.info(
    `\np99 delivery ${ms(fan.p99)} ms to each of ${CONNECTIONS} connections (goal < 100 ms). Node ${process.version}, ${cpus().length} cores, ` +
      `load average ${fan.load[0].toFixed(1)} when the webhooks began, ${fan.load[1].toFixed(1)} when they were delivered.`,
  );
  return fan.p99 < 100 && fan.delivered === fan.expected;
}

/** The calls' table, and whether it met its goal. */
async function reportCalls(): Promise<boolean> {
  const runs = [
    await consoleCalls(upstream, 'polling', 'account', 'polling every 10 s (today)'),
    await consoleCalls(upstream, 'events', 'account', `events, messages spread over the account's ${ACTIVE_CLIENTS} clients`),
    await consoleCalls(upstream, 'events', 'open', 'events, every message for a client a console has open (worst case)'),
  ];
  const [polling, events] = runs as [Calls, Calls, Calls];
  console.info(
    [
      '',
      `| ${CONSOLES} consoles, ${MINUTES} min, 1 message/s | messages for an open client | history requests to the proxy | Chat2Desk calls | calls/min | fewer than polling |`,
      '|---|---:|---:|---:|---:|---:|',
      ...runs.map((r) => `| ${r.name} | ${r.forOpenClients} of ${r.messages} | ${r.requests} | ${r.calls} | ${(r.calls / MINUTES).toFixed(0)} | ${(polling.calls / r.calls).toFixed(1)}× |`),
    ].join('\n'),
  );
  console.info(
    `\nEvents make ${(polling.calls / events.calls).toFixed(1)}× fewer Chat2Desk calls than polling with messages spread over the account ` +
      `(goal ≥ 20×). Time scale ${SCALE}×. Node ${process.version}, load average ${(loadavg()[0] as number).toFixed(1)} at the end.`,
  );
  return polling.calls / events.calls >= 20;
}

try {
  const met = [];
  if (values.only !== 'calls') met.push(await reportFanOut());
  if (values.only !== 'fan-out') met.push(await reportCalls());
  if (met.includes(false)) process.exitCode = 1;
} finally {
  await upstream.close();
}
