import type { ConsoleEvent, ConsoleMessageEvent, Message } from '@c2d-console/core';
import { dialogIdOf } from './fixtures.js';

/** One `GET /events` the fake proxy answered. */
export interface FakeEventConnection {
  /** The `Last-Event-ID` the console sent, null on a first connection. */
  lastEventId: string | null;
  /** False once the console closed it or the feed dropped it. */
  open: boolean;
}

/**
 * What happens in the fake Chat2Desk account after the fixtures: messages added to histories
 * (the fake proxy's `GET /clients/:id/messages` serves them above the fixture ones) and the
 * `GET /events` stream that tells the console, with ids, replay from `Last-Event-ID`, and a way
 * to break every open stream. For tests and stories of the live console.
 */
export interface FakeEventFeed {
  /** Answers `GET /events`: replays what came after the request's `Last-Event-ID`, then stays open. */
  respond(request: Request): Response;
  /** Sends `event` (given a fresh id when it has none) to every open stream, and logs it for replays. */
  push(event: DistributiveOmit<ConsoleEvent, 'id'> & { id?: string }): ConsoleEvent;
  /** The client writes: the message joins their history and an `inbox` message event goes out. */
  clientWrites(clientId: number, text: string): Message;
  /** An operator replies outside the console (in the Chat2Desk frame): an `outbox` event. */
  operatorReplies(clientId: number, text: string): Message;
  /** Adds a message to a client's history without telling anyone (as a send through the proxy does). */
  add(clientId: number, fields: Omit<Message, 'id' | 'clientId'>): Message;
  /** Messages added to a client's history, newest first. */
  messagesOf(clientId: number): Message[];
  /** Breaks every open stream, as a dropped connection does. */
  drop(): void;
  /** Every `GET /events` answered, in order. */
  connections: FakeEventConnection[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Ids of added messages start above any fixture history (`makeMessages` ids are `clientId * 1000 + n`, n < 1000). */
const ADDED_ID_BASE = 999;

/** Creates a {@link FakeEventFeed}; `now` stamps events and messages (default: the real clock). */
export function createFakeEventFeed({ now = () => new Date().toISOString() }: { now?: () => string } = {}): FakeEventFeed {
  const log: ConsoleEvent[] = [];
  const streams = new Set<{ controller: ReadableStreamDefaultController<Uint8Array>; connection: FakeEventConnection }>();
  const added = new Map<number, Message[]>();
  const connections: FakeEventConnection[] = [];
  const encoder = new TextEncoder();
  const encode = (event: ConsoleEvent) => encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);

  const feed: FakeEventFeed = {
    connections,
    respond(request) {
      const lastEventId = request.headers.get('last-event-id');
      const connection: FakeEventConnection = { lastEventId, open: true };
      connections.push(connection);
      const from = lastEventId === null ? log.length : log.findIndex((event) => event.id === lastEventId) + 1;
      let entry: { controller: ReadableStreamDefaultController<Uint8Array>; connection: FakeEventConnection } | undefined;
      const close = () => {
        connection.open = false;
        if (entry) streams.delete(entry);
      };
      // The console aborting its request closes the stream (msw may hand it a copy of the body, whose cancel stays there).
      request.signal.addEventListener('abort', close, { once: true });
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          entry = { controller, connection };
          streams.add(entry);
          // A heartbeat first, as the proxy sends every 20 s: the console must skip it.
          controller.enqueue(encoder.encode(': connected\n\n'));
          for (const event of log.slice(from)) controller.enqueue(encode(event));
        },
        cancel: close,
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
    },
    push(partial) {
      const event = { ...partial, id: partial.id ?? String(log.length + 1) } as ConsoleEvent;
      log.push(event);
      for (const { controller } of streams) controller.enqueue(encode(event));
      return event;
    },
    add(clientId, fields) {
      const history = added.get(clientId) ?? [];
      const message: Message = { ...fields, id: (history[0]?.id ?? clientId * 1000 + ADDED_ID_BASE) + 1, clientId };
      added.set(clientId, [message, ...history]);
      return message;
    },
    messagesOf: (clientId) => added.get(clientId) ?? [],
    clientWrites: (clientId, text) => said(clientId, text, 'inbox'),
    operatorReplies: (clientId, text) => said(clientId, text, 'outbox'),
    drop() {
      for (const entry of streams) {
        entry.connection.open = false;
        entry.controller.error(new TypeError('network error'));
      }
      streams.clear();
    },
  };

  function said(clientId: number, text: string, kind: 'inbox' | 'outbox'): Message {
    const type = kind === 'inbox' ? 'from_client' : 'to_client';
    const message = feed.add(clientId, {
      text,
      type,
      rawType: type,
      transport: 'whatsapp',
      channelId: 1,
      operatorId: kind === 'inbox' ? null : 2,
      dialogId: dialogIdOf(clientId),
      created: now(),
      read: kind === 'outbox',
      attachments: [],
      location: null,
    });
    const event: DistributiveOmit<ConsoleMessageEvent, 'id'> = {
      type: 'message',
      time: message.created,
      data: { kind, clientId, dialogId: message.dialogId, messageId: message.id, messageType: type, text },
    };
    feed.push(event);
    return message;
  }

  return feed;
}
