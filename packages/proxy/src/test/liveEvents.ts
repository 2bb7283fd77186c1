import { type ConsoleEvent, createConsoleClient } from '@c2d-console/core';
import { postJson, type TestProxy } from './startProxy.js';

/** The webhook secret live-mode tests configure (`webhooks: { secret: TEST_WEBHOOK_SECRET }`). */
export const TEST_WEBHOOK_SECRET = 'whsec-test-0f1e2d3c4b5a69788796a5b4';

/** The path Chat2Desk posts deliveries to, with the test secret (or `secret`). */
export const webhookPath = (secret = TEST_WEBHOOK_SECRET) => `/webhooks/chat2desk/${secret}`;

/** POSTs one delivery to the proxy's webhook route as Chat2Desk does. */
export function postWebhook(proxy: Pick<TestProxy, 'call'>, payload: unknown, headers: Record<string, string> = {}) {
  return proxy.call(webhookPath(), postJson(payload, headers));
}

/** A `GET /events` stream read the way the browser reads it (`ConsoleClient.streamEvents`). */
export interface EventCollector {
  /** Every event received so far, in order. */
  events: ConsoleEvent[];
  /** Resolves once the proxy accepted the stream. */
  opened: Promise<void>;
  /** Settles when the stream ends: resolves when the proxy ended it, rejects when it broke off (or was refused). */
  ended: Promise<void>;
  /** Waits until `predicate(events)` holds (default 5 s), or throws saying what arrived. */
  until(predicate: (events: ConsoleEvent[]) => boolean, timeoutMs?: number): Promise<ConsoleEvent[]>;
  /** Stops reading (aborts the request). */
  close(): void;
}

/** Opens `GET /events` on the proxy at `url` and collects what it streams. */
export function collectEvents(url: string, options: { lastEventId?: string; getAuthToken?: () => Promise<string> | string } = {}): EventCollector {
  const events: ConsoleEvent[] = [];
  const abort = new AbortController();
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const client = createConsoleClient({ apiUrl: url, getAuthToken: options.getAuthToken });
  const ended = client.streamEvents({ lastEventId: options.lastEventId, signal: abort.signal, onOpen: open, onEvent: (event) => events.push(event) });
  ended.catch(() => {}); // observed by the tests that care
  return {
    events,
    opened,
    ended,
    async until(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`events never matched within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => `${e.id}:${e.type}`))}`);
        // oxlint-disable-next-line no-await-in-loop -- polling
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return events;
    },
    close: () => abort.abort(),
  };
}
