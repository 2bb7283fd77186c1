import { connect } from 'node:net';
import type { ConsoleMessageEvent } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import type { ConsoleEventDraft } from '../store/eventLog/EventLog.js';
import { collectEvents, postWebhook } from '../test/liveEvents.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';

const { start, call } = setupLiveProxy();

/** The n-th inbox delivery of client 1201 (message ids 900200 + n). */
const inbox = (n: number) => ({ ...c2d.hookInbox, message_id: 900_200 + n, text: `message ${n}` });
const ids = (events: Array<{ id: string }>) => events.map((e) => e.id);

/** Posts deliveries one after another, as Chat2Desk sends them. */
async function postInOrder(proxy: Parameters<typeof postWebhook>[0], payloads: unknown[]): Promise<void> {
  for (const payload of payloads) {
    // oxlint-disable-next-line no-await-in-loop -- in order: each gets the next id
    await postWebhook(proxy, payload);
  }
}

/** Reads a raw `GET /events` body until it contains `wanted`; answers what it read, and stops reading. */
async function readUntil(body: ReadableStream<Uint8Array> | null, wanted: string): Promise<string> {
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(wanted)) {
    // oxlint-disable-next-line no-await-in-loop -- a stream is read one chunk at a time
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** A message event of `bytes` characters of text, appended to the log directly. */
const bigEvent = (n: number, bytes: number): ConsoleEventDraft => ({
  type: 'message',
  time: '2026-11-02T10:00:00.000Z',
  data: { kind: 'inbox', clientId: 1201, dialogId: 5501, messageId: n, messageType: 'from_client', text: 'x'.repeat(bytes) },
});

describe('GET /events', () => {
  it('streams every event to every open console, with ids, behind the API’s auth', async () => {
    const proxy = await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const refused = collectEvents(proxy.url);
    await expect(refused.ended).rejects.toMatchObject({ status: 401, code: 'unauthorized' });

    const consoles = [collectEvents(proxy.url, { getAuthToken: () => validJwt() }), collectEvents(proxy.url, { getAuthToken: () => validJwt() })];
    await Promise.all(consoles.map((stream) => stream.opened));
    await postWebhook(proxy, c2d.hookInbox);
    await postWebhook(proxy, c2d.hookClientUpdated);
    await Promise.all(consoles.map((stream) => stream.until((events) => events.length === 2)));
    for (const stream of consoles) {
      expect(stream.events.map((e) => [e.id, e.type])).toEqual([
        ['1', 'message'],
        ['2', 'client'],
      ]);
      expect((stream.events[0] as ConsoleMessageEvent).data).toEqual({
        kind: 'inbox',
        clientId: 1201,
        dialogId: 5501,
        messageId: 900110,
        messageType: 'from_client',
        text: 'Здравствуйте, когда доставка?',
      });
      stream.close();
    }
  });

  it('starts with the next event without a Last-Event-ID, and replays what came after one (header or query) before going live', async () => {
    const proxy = await start();
    await postInOrder(proxy, [inbox(1), inbox(2), inbox(3)]);
    const fresh = collectEvents(proxy.url);
    const resumed = collectEvents(proxy.url, { lastEventId: '1' });
    await Promise.all([fresh.opened, resumed.opened]);
    await resumed.until((events) => events.length === 2);
    await postWebhook(proxy, inbox(4));
    await resumed.until((events) => events.length === 3);
    await fresh.until((events) => events.length === 1);
    expect(ids(resumed.events)).toEqual(['2', '3', '4']);
    expect(ids(fresh.events)).toEqual(['4']);

    // `fetch` without the header: ?lastEventId=, as the raw wire shows it.
    const raw = await proxy.request('/events?lastEventId=3', { headers: { accept: 'text/event-stream' } });
    expect(raw.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await readUntil(raw.body, '\n\nid: 4');
    expect(text).toMatch(/^: connected\n\nid: 4\nevent: message\ndata: \{"id":"4","type":"message",/);
    for (const stream of [fresh, resumed]) stream.close();
  });

  it('sends resync when it cannot replay: an id retention removed, one not its own, or one too far behind', async () => {
    let now = Date.parse('2026-11-02T10:00:00Z');
    const stores = createMemoryStores({ eventRetentionMs: 60 * 60_000, now: () => now });
    const proxy = await start({ store: stores, events: { maxReplayEvents: 2 } });
    await postInOrder(proxy, [inbox(1), inbox(2)]);
    now += 2 * 60 * 60_000;
    await postInOrder(proxy, [inbox(3), inbox(4), inbox(5)]);
    expect(await stores.eventLog.prune()).toBe(2); // ids 1 and 2

    let n = 5;
    const expectResync = async (lastEventId: string) => {
      const newest = await stores.eventLog.lastId();
      const stream = collectEvents(proxy.url, { lastEventId });
      await stream.until((events) => events.length === 1);
      expect(stream.events[0]).toMatchObject({ id: newest, type: 'resync', data: {} });
      // Then live, from the newest on.
      await postWebhook(proxy, inbox(++n));
      await stream.until((events) => events.length === 2);
      expect(stream.events[1]).toMatchObject({ type: 'message', id: String(Number(newest) + 1) });
      stream.close();
    };
    await expectResync('1'); // the events right after it were removed
    await expectResync('not-ours'); // no id of this log
    await expectResync('2'); // 3 and more behind; the limit is 2
    // Two behind is within the limit: replayed, no resync.
    const newest = Number(await stores.eventLog.lastId());
    const near = collectEvents(proxy.url, { lastEventId: String(newest - 2) });
    await near.until((events) => events.length === 2);
    expect(near.events.map((e) => [e.id, e.type])).toEqual([
      [String(newest - 1), 'message'],
      [String(newest), 'message'],
    ]);
    near.close();
  });

  it('refuses a malformed Last-Event-ID with 400', async () => {
    await start();
    const answer = await call('/events', { headers: { 'last-event-id': 'x'.repeat(65) } });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect((await call('/events?lastEventId=a%20b')).status).toBe(400);
    expect((await call('/events?since=1')).body.error.message).toMatch(/unknown parameter "since"/);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const proxy = await start({ events: { heartbeatMs: 50 } });
    const answer = await proxy.request('/events');
    const text = await readUntil(answer.body, ': heartbeat\n\n: heartbeat\n\n');
    expect(text).toBe(': connected\n\n: heartbeat\n\n: heartbeat\n\n');
  });

  it('cuts off a console that does not read rather than buffer for it without bound, and frees its place', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores, events: { maxConnections: 1, maxBufferedBytes: 64 * 1024 } });
    // A client that sends the request and never reads a byte of the answer.
    const { port } = new URL(proxy.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.pause();
    socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await expect.poll(async () => (await call('/events', { method: 'GET' }).catch(() => undefined))?.status).toBe(503);

    // Up to 40 MB of events: more than the kernel's socket buffers hold, so the proxy's own fills.
    const cutOff = () => proxy.logs.some((line) => line.includes('event stream cut off'));
    for (let sent = 0; !cutOff() && sent < 4000; sent += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => stores.eventLog.append({ dedupeKey: `big:${sent + i}`, hookType: 'inbox', payload: {}, event: bigEvent(sent + i, 10_000) }));
      // oxlint-disable-next-line no-await-in-loop -- a batch at a time, giving the socket a turn
      await Promise.all([...batch, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
    expect(proxy.logs.find((line) => line.includes('event stream cut off'))).toMatch(/the browser read too slowly/);
    socket.resume();
    await closed;
    const next = collectEvents(proxy.url);
    await next.opened;
    next.close();
    socket.destroy();
  });

  it('answers 503 beyond the connection cap, and takes a new console once one leaves', async () => {
    const proxy = await start({ events: { maxConnections: 2 } });
    const open = [collectEvents(proxy.url), collectEvents(proxy.url)];
    await Promise.all(open.map((stream) => stream.opened));
    const refused = await call('/events');
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.error.message).toMatch(/events\.maxConnections \(C2D_PROXY_MAX_EVENT_CONNECTIONS\)/);
    open[0]?.close();
    await expect.poll(async () => (await proxy.request('/events')).status).toBe(200);
    open[1]?.close();
  });

  it('ends every stream on shutdown without holding it for the grace', async () => {
    const proxy = await start({ timeoutMs: 10_000 });
    const stream = collectEvents(proxy.url);
    await stream.opened;
    const started = performance.now();
    await proxy.close();
    await expect(stream.ended).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
