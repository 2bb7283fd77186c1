import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import * as c2d from '../../test/fixtures/chat2desk/index.js';

/** One request the fake upstream received. */
export interface FakeCall {
  method: string;
  /** Path with query, e.g. `/v1/clients?limit=20&offset=0`. */
  path: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** `performance.now()` when the request arrived (same clock as the test). */
  at: number;
  /** Resolves once the answer is over: true when all of it was written, false when the proxy hung up first. */
  written: Promise<boolean>;
}

/** How the fake answers one call. */
export interface FakeReply {
  status?: number;
  /** JSON body (default: the route's standard Chat2Desk answer; `{}` with an error `status`). */
  body?: unknown;
  /** Raw body instead of JSON (malformed answers). */
  raw?: string;
  headers?: Record<string, string>;
  /** Wait before answering, ms. */
  latencyMs?: number;
  /** Destroy the socket without answering (a network error). */
  drop?: boolean;
  /** Never answer: hold the request until the proxy gives up on it. */
  hang?: boolean;
  /**
   * Stream a valid Chat2Desk list answer (no items, a long `pad` field) of this many bytes, in
   * 64 KiB chunks as the proxy reads them; `Content-Length` only with `declareLength`.
   */
  hugeBytes?: number;
  declareLength?: boolean;
  /**
   * A gzip bomb: the same valid answer, inflating to this many bytes, sent gzipped (a few
   * hundred KB for hundreds of MB) with `Content-Encoding: gzip`.
   */
  gzipBombBytes?: number;
}

/** Answers a call; `n` counts the calls to this route so far (0 for the first). */
export type FakeResponder = (call: FakeCall, n: number) => FakeReply | undefined;

/** A programmable Chat2Desk on loopback. */
export interface FakeUpstream {
  /** `http://127.0.0.1:port` (throws before the fake listens). */
  readonly url: string;
  calls: FakeCall[];
  /** Calls whose path (without query) equals `pathname`. */
  callsTo(pathname: string, method?: string): FakeCall[];
  /** Overrides the answer of `METHOD pathname` (until `reset`). */
  on(method: string, pathname: string, reply: FakeReply | FakeResponder): void;
  /** Latency added to every answer, ms. */
  latencyMs: number;
  /** Forgets calls and overrides. */
  reset(): void;
  close(): Promise<void>;
}

// ---- standard data: the contract fixtures (test/fixtures/chat2desk), Chat2Desk's real shapes ----

/** Clients of the fake account (`clientOne` 1201, `clientTwo` 1202). */
export const upstreamClients = [c2d.clientOne, c2d.clientTwo];

/** Messages of the fake account, newest first (all of client 1201; `messagesList`). */
export const upstreamMessages = c2d.messagesList.data;

/** Dialogs of the fake account (5501 open, 5502 closed). */
export const upstreamDialogs = [c2d.dialogOpen, c2d.dialogClosed];

/** Operators of the fake account (101, 102). */
export const upstreamOperators = c2d.operatorsList.data;

function page<T>(items: readonly T[], query: URLSearchParams) {
  const limit = Number(query.get('limit') ?? 20);
  const offset = Number(query.get('offset') ?? 0);
  return { status: 'success', data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset } };
}

const item = <T>(data: T) => ({ status: 'success', data });
// Chat2Desk answers an unknown record in a 200 body, and an unknown path with "Page not found".
const notFound = { body: c2d.errorNotFound } satisfies FakeReply;
const noSuchPath = { status: 404, body: c2d.errorPageNotFound } satisfies FakeReply;

/** The standard answers, the fixtures, for the paths the proxy uses (there is no `/v1/transfers`). */
function standardReply(call: FakeCall): FakeReply {
  const { method, pathname, query } = call;
  const id = Number(/^\/v1\/\w+\/(\d+)/.exec(pathname)?.[1]);
  const client = upstreamClients.find((c) => c.id === id);
  if (method === 'GET') {
    if (pathname === '/v1/clients') return { body: page(upstreamClients, query) };
    if (/^\/v1\/clients\/\d+$/.test(pathname)) return client ? { body: item(client) } : notFound;
    if (/^\/v1\/clients\/\d+\/transport$/.test(pathname)) return client ? { body: c2d.clientTransport } : notFound;
    if (pathname === '/v1/channels') return { body: c2d.channelsList };
    if (pathname === '/v1/messages') return { body: page(upstreamMessages.filter((m) => m.client_id === Number(query.get('client_id'))), query) };
    if (pathname === '/v1/dialogs') return { body: page(upstreamDialogs, query) };
    if (/^\/v1\/dialogs\/\d+$/.test(pathname)) {
      const dialog = upstreamDialogs.find((d) => d.id === id);
      return dialog ? { body: item(dialog) } : notFound;
    }
    if (pathname === '/v1/operators') return { body: page(upstreamOperators, query) };
    if (pathname === '/v1/operators_groups') return { body: c2d.operatorGroupsList };
    if (pathname === '/v1/tags') return { body: c2d.tagsList };
    if (pathname === '/v1/templates') return { body: c2d.templatesList };
    if (pathname === '/v1/companies/api_info') return { body: c2d.apiInfo };
    if (/^\/v1\/messages\/\d+\/transfer_to_group$/.test(pathname)) return { body: c2d.writeSuccess };
  }
  if (method === 'POST' && pathname === '/v1/messages') return { body: c2d.sendResult };
  // The writes of the operator's work: Chat2Desk answers them with a bare success (the proxy reads the record again).
  if (method === 'PUT' && /^\/v1\/dialogs\/\d+$/.test(pathname)) return upstreamDialogs.some((d) => d.id === id) ? { body: c2d.writeSuccess } : notFound;
  if (method === 'PUT' && /^\/v1\/clients\/\d+$/.test(pathname)) return client ? { body: c2d.writeSuccess } : notFound;
  if (method === 'POST' && pathname === '/v1/tags/assign_to') return { body: c2d.writeSuccess };
  if (method === 'DELETE' && /^\/v1\/tags\/\d+\/delete_from$/.test(pathname)) return { body: c2d.writeSuccess };
  return noSuchPath;
}

const CHUNK_BYTES = 64 * 1024;
const HUGE_PREFIX = '{"status":"success","data":[],"meta":{"total":0},"pad":"';
const HUGE_SUFFIX = '"}';

/** The chunks of a valid JSON answer of exactly `bytes` bytes (at least its frame's length). */
function* hugeAnswer(bytes: number): Generator<Buffer> {
  yield Buffer.from(HUGE_PREFIX);
  let left = bytes - HUGE_PREFIX.length - HUGE_SUFFIX.length;
  const pad = Buffer.alloc(CHUNK_BYTES, 'a');
  while (left > 0) {
    const chunk = left >= CHUNK_BYTES ? pad : pad.subarray(0, left);
    left -= chunk.length;
    yield chunk;
  }
  yield Buffer.from(HUGE_SUFFIX);
}

const bombs = new Map<number, Buffer>();

/** {@link hugeAnswer} gzipped at the highest level, built once per size without holding it inflated. */
async function gzipBomb(bytes: number): Promise<Buffer> {
  let bomb = bombs.get(bytes);
  if (!bomb) {
    const gzip = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => out.push(chunk));
    const ended = once(gzip, 'end');
    for (const chunk of hugeAnswer(bytes)) {
      // oxlint-disable-next-line no-await-in-loop -- backpressure: one chunk at a time
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    }
    gzip.end();
    await ended;
    bomb = Buffer.concat(out);
    bombs.set(bytes, bomb);
  }
  return bomb;
}

/** Writes `chunks` with backpressure, stopping when the proxy hangs up. */
async function stream(response: ServerResponse, chunks: Iterable<Buffer>): Promise<void> {
  for (const chunk of chunks) {
    if (response.destroyed) return;
    // oxlint-disable-next-line no-await-in-loop -- backpressure: one chunk at a time
    if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
  }
  response.end();
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A fake Chat2Desk API that serves once `listen()` has picked a free loopback port. */
export function fakeUpstream(): FakeUpstream & { listen(): Promise<void> } {
  const overrides = new Map<string, FakeResponder>();
  const counts = new Map<string, number>();
  const calls: FakeCall[] = [];

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const at = performance.now();
    const url = new URL(request.url ?? '/', 'http://upstream.test');
    const call: FakeCall = {
      method: request.method ?? 'GET',
      path: url.pathname + url.search,
      pathname: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: await readBody(request),
      at,
      written: new Promise((resolve) => response.once('close', () => resolve(response.writableFinished))),
    };
    calls.push(call);
    const key = `${call.method} ${call.pathname}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const reply = overrides.get(key)?.(call, n) ?? standardReply(call);

    const latency = (reply.latencyMs ?? 0) + fake.latencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (response.destroyed) return;
    if (reply.drop) {
      request.socket.destroy();
      return;
    }
    if (reply.hang) {
      await once(response, 'close');
      return;
    }
    const headers = { 'content-type': 'application/json', ...reply.headers };
    if (reply.hugeBytes !== undefined) {
      response.writeHead(reply.status ?? 200, reply.declareLength ? { ...headers, 'content-length': String(reply.hugeBytes) } : headers);
      await stream(response, hugeAnswer(reply.hugeBytes));
      return;
    }
    if (reply.gzipBombBytes !== undefined) {
      const bomb = await gzipBomb(reply.gzipBombBytes);
      response.writeHead(reply.status ?? 200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      response.end(bomb);
      return;
    }
    const status = reply.status ?? 200;
    const fallback = status >= 300 ? {} : standardReply(call).body;
    const payload = reply.raw ?? JSON.stringify(reply.body ?? fallback);
    response.writeHead(status, headers);
    response.end(payload);
  });
  server.keepAliveTimeout = 1000;

  const fake: FakeUpstream & { listen(): Promise<void> } = {
    get url() {
      const address = server.address() as AddressInfo | null;
      if (!address) throw new Error('The fake Chat2Desk is not listening yet: use its url inside a test or hook');
      return `http://127.0.0.1:${address.port}`;
    },
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    calls,
    latencyMs: 0,
    callsTo: (pathname, method) => calls.filter((c) => c.pathname === pathname && (!method || c.method === method)),
    on(method, pathname, reply) {
      overrides.set(`${method} ${pathname}`, typeof reply === 'function' ? reply : () => reply);
    },
    reset() {
      calls.length = 0;
      overrides.clear();
      counts.clear();
      fake.latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** Starts a fake Chat2Desk API on a free loopback port. */
export async function createFakeUpstream(): Promise<FakeUpstream> {
  const fake = fakeUpstream();
  await fake.listen();
  return fake;
}
