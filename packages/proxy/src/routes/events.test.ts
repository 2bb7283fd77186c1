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
    for (const stream of consoles) {
      await stream.until((events) => events.length === 2);
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
    for (let n = 1; n <= 3; n++) await postWebhook(proxy, inbox(n));
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
    const reader = (raw.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('\n\nid: 4')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^: connected\n\nid: 4\nevent: message\ndata: \{"id":"4","type":"message",/);
    await reader.cancel();
    for (const stream of [fresh, resumed]) stream.close();
  });

  it('sends resync when it cannot replay: an id retention removed, one not its own, or one too far behind', async () => {
    let now = Date.parse('2026-11-02T10:00:00Z');
    const stores = createMemoryStores({ eventRetentionMs: 60 * 60_000, now: () => now });
    const proxy = await start({ store: stores, events: { maxReplayEvents: 2 } });
    let n = 0;
    await postWebhook(proxy, inbox(++n));
    await postWebhook(proxy, inbox(++n));
    now += 2 * 60 * 60_000;
    for (let i = 0; i < 3; i++) await postWebhook(proxy, inbox(++n));
    expect(await stores.eventLog.prune()).toBe(2); // ids 1 and 2

    // '1': events right after it were removed; 'not-ours': no id of this log; '2': 3 and more behind, the limit is 2.
    for (const lastEventId of ['1', 'not-ours', '2']) {
      const newest = await stores.eventLog.lastId();
      const stream = collectEvents(proxy.url, { lastEventId });
      await stream.until((events) => events.length === 1);
      expect(stream.events[0], lastEventId).toMatchObject({ id: newest, type: 'resync', data: {} });
      // Then live, from the newest on.
      await postWebhook(proxy, inbox(++n));
      await stream.until((events) => events.length === 2);
      expect(stream.events[1]).toMatchObject({ type: 'message', id: String(Number(newest) + 1) });
      stream.close();
    }
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
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes(': heartbeat\n\n: heartbeat\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
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
    let sent = 0;
    while (!proxy.logs.some((line) => line.includes('event stream cut off')) && sent < 4000) {
      for (let i = 0; i < 100; i++, sent++) await stores.eventLog.append({ dedupeKey: `big:${sent}`, hookType: 'inbox', payload: {}, event: bigEvent(sent, 10_000) });
      await new Promise((resolve) => setTimeout(resolve, 20));
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
