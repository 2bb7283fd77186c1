import type { ProxyLogger } from '../ProxyLogger.js';
import type { ConsoleStores } from '../store/ConsoleStores.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { stalePrefixes } from '../upstream/paths.js';
import { readWebhook } from '../upstream/readWebhook.js';
import type { ConsoleWrites } from './createConsoleWrites.js';
import type { TransferRecorder } from './createTransferRecorder.js';

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  stores: () => Promise<ConsoleStores>;
  upstream: UpstreamClient;
  recorder: TransferRecorder;
  /** The proxy's own writes: their webhook echoes are stored without a second event or transfer record. */
  writes?: Pick<ConsoleWrites, 'takeEcho'>;
  logger: ProxyLogger;
  /** Clock in milliseconds (stands in for a delivery without `event_time`). */
  now?: () => number;
}

/** What {@link WebhookReceiver.receive} answers: the delivery's event log id, and whether it was a retry. */
export interface ReceivedWebhook {
  id: string;
  duplicate: boolean;
}

/** Takes Chat2Desk's webhook deliveries in. */
export interface WebhookReceiver {
  /**
   * Handles one delivery (a JSON object with a `hook_type`; `body` is its raw bytes): drops
   * the cached answers it makes stale, stores it once in the event log (which streams its event),
   * updates the client index, and starts recording a transfer. Resolves once it is stored.
   */
  receive(payload: { hook_type: string } & Record<string, unknown>, body: Uint8Array): Promise<ReceivedWebhook>;
}

async function digest(body: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>));
  return Array.from(hash.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Creates the {@link WebhookReceiver}. */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const { upstream, recorder, logger } = options;
  const now = options.now ?? Date.now;
  const warn = (msg: string, fields: Record<string, unknown>) => logger.info(JSON.stringify({ time: new Date(now()).toISOString(), level: 'warn', msg, ...fields }));

  return {
    async receive(payload, body) {
      const reading = readWebhook(payload, new Date(now()).toISOString());
      const dedupeKey = reading.dedupeKey ?? `${reading.hookType}:sha256:${await digest(body)}`;
      const stores = await options.stores();
      // Before the event is logged (and so streamed): a browser refetching on it must not be
      // answered from the cache it made stale. A retry drops them again, which is harmless.
      await Promise.all(stalePrefixes(reading.touches).map((prefix) => upstream.invalidate(prefix)));
      // The echo of the proxy's own write: its event went out, and its transfer was recorded, with the write.
      const echo = reading.event !== null && (options.writes?.takeEcho(reading.hookType, reading.touches) ?? false);
      const stored = await stores.eventLog.append({ dedupeKey, hookType: reading.hookType, payload, event: echo ? null : reading.event });
      if (stored.duplicate) return stored;
      if (reading.problem) warn(`webhook ${reading.problem}`, { hookType: reading.hookType, id: stored.id });
      if (reading.transfer && !echo) recorder.fromWebhook(reading.transfer);
      if (reading.clients.length > 0) {
        // The delivery is stored: failing it now would only make Chat2Desk retry a duplicate.
        await stores.clientIndex.upsert(reading.clients).catch((error: unknown) => {
          logger.error(JSON.stringify({ time: new Date(now()).toISOString(), level: 'error', msg: 'client index update failed', error: String((error as Error)?.message ?? error) }));
        });
      }
      return stored;
    },
  };
}
