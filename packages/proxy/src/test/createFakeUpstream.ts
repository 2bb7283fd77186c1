import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type {
  C2DClient,
  C2DClientTransport,
  C2DDialog,
  C2DMessage,
  C2DOperator,
  C2DSendMessageResult,
  C2DTransfer,
} from '../upstream/chat2deskTypes.js';

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
  /** JSON body (default: the route's standard Chat2Desk answer). */
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

// ---- standard data, in Chat2Desk's wire shapes ------------------------------------------------

/** Clients of the fake account. */
export const upstreamClients: C2DClient[] = [
  {
    id: 11,
    name: 'Айгерим Касымова',
    phone: '77011234567',
    assigned_name: 'Айгерим (VIP)',
    comment: 'prefers WhatsApp',
    avatar: 'https://cdn.example/a.png',
    region_id: 2,
    country_id: 7,
    first_client_message: '2026-10-01T08:00:00',
    last_client_message: '2026-11-01 11:30:15',
    extra_comment_1: 'one',
    extra_comment_2: null,
    extra_comment_3: 'three',
    client_external_id: 'CRM-11',
  },
  {
    id: 12,
    name: 'James Brown',
    phone: '447700900123',
    assigned_name: null,
    comment: null,
    avatar: null,
    region_id: null,
    country_id: null,
    first_client_message: null,
    last_client_message: null,
    extra_comment_1: null,
    extra_comment_2: null,
    extra_comment_3: null,
    client_external_id: null,
  },
];

/** Messages of client 11, newest first. */
export const upstreamMessages: C2DMessage[] = [
  {
    id: 502,
    text: 'Ваш заказ в пути',
    type: 'to_client',
    transport: 'whatsapp',
    channel_id: 3,
    operator_id: 7,
    dialog_id: 900,
    client_id: 11,
    created: '2026-11-01T11:31:00',
    read: 1,
    photo: null,
    attachments: [{ link: 'https://cdn.example/invoice.pdf', type: 'document', name: 'invoice.pdf' }],
  },
  {
    id: 501,
    text: null,
    type: 'from_client',
    transport: 'whatsapp',
    channel_id: 3,
    operator_id: null,
    dialog_id: 900,
    client_id: 11,
    created: '2026-11-01T11:30:15',
    read: 0,
    photo: 'https://cdn.example/photo.jpg',
  },
];

/** Channels that reach client 11. */
export const upstreamTransports: C2DClientTransport[] = [
  { channel_id: 3, transport: 'whatsapp', channel_name: '+7 701 000 00 01' },
  { channel_id: 4, transport: 'telegram' },
];

/** Dialog 900 of client 11. */
export const upstreamDialog: C2DDialog = {
  id: 900,
  state: 'open',
  begin: '2026-11-01T11:30:15',
  end: null,
  operator_id: 7,
  client_id: 11,
  last_message: '2026-11-01T11:31:00',
  messages: 2,
};

/** Operators of the fake account. */
export const upstreamOperators: C2DOperator[] = [
  { id: 7, email: 'aliya@example.kz', first_name: 'Алия', last_name: 'Нурпеисова', role: 'supervisor', online: 1, opened_dialogs: 4 },
  { id: 8, email: 'max@example.com', first_name: null, last_name: null, role: 'operator', online: false, opened_dialogs: 0 },
];

/** Transfers of dialog 900, newest first. */
export const upstreamTransfers: C2DTransfer[] = [
  { id: 31, dialog_id: 900, client_id: 11, from_operator_id: 8, to_operator_id: 7, created: '2026-11-01T11:35:00', reason: 'VIP' },
  { id: 30, dialog_id: 900, client_id: 11, from_operator_id: null, to_operator_id: 8, created: '2026-11-01T11:30:20' },
  { id: 29, dialog_id: 900, client_id: 11, from_operator_id: 7, to_operator_id: 99, created: '2026-11-01T11:20:00', reason: null },
];

/** What `POST /v1/messages` answers. */
export const upstreamSendResult: C2DSendMessageResult = {
  message_id: 503,
  dialog_id: 900,
  request_id: 77,
  channel_id: 3,
  transport: 'whatsapp',
};

function page<T>(items: T[], query: URLSearchParams) {
  const limit = Number(query.get('limit') ?? 20);
  const offset = Number(query.get('offset') ?? 0);
  return { data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset }, status: 'success' };
}

const item = <T>(data: T) => ({ data, status: 'success' });
const notFound = { status: 404, body: { status: 'error', message: 'Not found' } } satisfies FakeReply;

/** The standard answers, Chat2Desk-shaped, for the paths the proxy uses. */
function standardReply(call: FakeCall): FakeReply {
  const { method, pathname, query } = call;
  if (method === 'GET' && pathname === '/v1/clients') return { body: page(upstreamClients, query) };
  let match = /^\/v1\/clients\/(\d+)$/.exec(pathname);
  if (method === 'GET' && match) {
    const client = upstreamClients.find((c) => c.id === Number(match?.[1]));
    return client ? { body: item(client) } : notFound;
  }
  match = /^\/v1\/clients\/(\d+)\/transport$/.exec(pathname);
  if (method === 'GET' && match) return { body: item(upstreamTransports) };
  if (method === 'GET' && pathname === '/v1/messages') {
    const clientId = Number(query.get('client_id'));
    return { body: page(upstreamMessages.filter((m) => m.client_id === clientId), query) };
  }
  if (method === 'POST' && pathname === '/v1/messages') return { status: 201, body: item(upstreamSendResult) };
  match = /^\/v1\/dialogs\/(\d+)$/.exec(pathname);
  if (method === 'GET' && match) return Number(match[1]) === upstreamDialog.id ? { body: item(upstreamDialog) } : notFound;
  if (method === 'GET' && pathname === '/v1/operators') return { body: page(upstreamOperators, query) };
  if (method === 'GET' && pathname === '/v1/transfers') return { body: page(upstreamTransfers, query) };
  return notFound;
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
    const payload = reply.raw ?? JSON.stringify(reply.body ?? standardReply(call).body);
    response.writeHead(reply.status ?? 200, headers);
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
