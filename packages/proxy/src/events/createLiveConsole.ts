import type { ResolvedProxyOptions } from '../options.js';
import type { ConsoleStores } from '../store/ConsoleStores.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import type { C2DHookBase } from '../upstream/chat2deskTypes.js';
import type { SandboxUpstream } from '../upstream/createSandboxUpstream.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { type ClientIndexer, createClientIndexer } from './createClientIndexer.js';
import { type ConsoleWrites, createConsoleWrites } from './createConsoleWrites.js';
import { createEventStreams, type EventStreams } from './createEventStreams.js';
import { createTransferRecorder, type TransferRecorder } from './createTransferRecorder.js';
import { createWebhookReceiver, type WebhookReceiver } from './createWebhookReceiver.js';

/** How often retention runs over the event log. */
const PRUNE_EVERY_MS = 60 * 60_000;

/** Options of {@link createLiveConsole}. */
export interface LiveConsoleOptions {
  options: ResolvedProxyOptions;
  upstream: UpstreamClient;
  /** Sandbox mode: its seeded transfers are recorded, its changes come in as webhooks, its activity runs. */
  sandbox: SandboxUpstream | undefined;
  /** Delivers a sandbox webhook to the proxy's own webhook route (sandbox mode). */
  deliverWebhook: (payload: C2DHookBase) => Promise<void>;
}

/**
 * The live console's parts, built once per proxy: Chat2Desk's webhooks in, events out to every
 * open console, the transfer history and the client index, over the stores.
 */
export interface LiveConsole {
  /** The stores, opened on first use (the SQLite file, or memory); in sandbox mode, with its seeded transfers recorded. */
  stores(): Promise<ConsoleStores>;
  receiver: WebhookReceiver;
  streams: EventStreams;
  recorder: TransferRecorder;
  /** The proxy's own writes on the event stream, and their webhook echoes. */
  writes: ConsoleWrites;
  /** The client index pass; null when `clientIndex: false`. */
  indexer: ClientIndexer | null;
  /** Starts the background work once (client index, retention, the sandbox's webhooks and activity): the proxy calls it on its first request. */
  start(): void;
  /** Starts a shutdown: ends the event streams, stops the background work. */
  drain(): void;
  /** Waits for the work under way, then closes the stores the proxy opened. */
  close(): Promise<void>;
}

/** Builds the {@link LiveConsole}. */
export function createLiveConsole({ options, upstream, sandbox, deliverWebhook }: LiveConsoleOptions): LiveConsole {
  const { live, logger } = options;
  const line = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) => {
    const text = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    if (level === 'error') logger.error(text);
    else logger.info(text);
  };
  const onListenerError = (error: unknown) => line('error', 'event listener failed', { error: String((error as Error)?.message ?? error) });

  async function open(): Promise<ConsoleStores> {
    const source = live.store;
    if (source.kind === 'given') return source.stores;
    if (source.kind === 'memory') return createMemoryStores({ eventRetentionMs: live.eventRetentionMs, onListenerError });
    // Imported here only: the web-standard entry (Workers) never loads Node's file system or SQLite.
    const { createEmbeddedStores } = await import('../store/createEmbeddedStores.js');
    return createEmbeddedStores({ dataDir: source.dataDir, eventRetentionMs: live.eventRetentionMs, onListenerError });
  }

  let opened: Promise<ConsoleStores> | undefined;
  const stores = (): Promise<ConsoleStores> => {
    opened ??= open().then(async (ready) => {
      if (sandbox) {
        // The sandbox's history goes through the recorder, as live transfers do (not announced: it is the past).
        for (const transfer of await sandbox.seededTransfers()) {
          // oxlint-disable-next-line no-await-in-loop -- in order: each record notes the dialog's operator
          await ready.transfers.record(transfer);
        }
      }
      return ready;
    });
    return opened;
  };

  const recorder = createTransferRecorder({ stores, upstream, logger });
  const writes = createConsoleWrites({ stores, upstream, logger });
  const receiver = createWebhookReceiver({ stores, upstream, recorder, writes, logger });
  const streams = createEventStreams({ eventLog: async () => (await stores()).eventLog, limits: live.events, logger });
  const indexer = live.clientIndex ? createClientIndexer({ ...live.clientIndex, index: async () => (await stores()).clientIndex, upstream, logger }) : null;

  let started = false;
  let draining = false;
  let pruning: ReturnType<typeof setInterval> | undefined;

  function drain(): void {
    if (draining) return;
    draining = true;
    streams.drain();
    indexer?.stop();
    recorder.stop();
    sandbox?.stop();
    if (pruning !== undefined) clearInterval(pruning);
  }

  const prune = () =>
    stores()
      .then((ready) => ready.eventLog.prune())
      .catch((error: unknown) => line('error', 'event retention failed', { error: String((error as Error)?.message ?? error) }));

  return {
    stores,
    receiver,
    streams,
    recorder,
    writes,
    indexer,

    start() {
      if (started || draining) return;
      started = true;
      indexer?.start();
      void prune();
      pruning = setInterval(() => void prune(), PRUNE_EVERY_MS);
      (pruning as { unref?: () => void }).unref?.();
      if (sandbox) {
        const failed = (error: unknown) => line('error', 'sandbox webhook delivery failed', { error: String((error as Error)?.message ?? error) });
        sandbox
          .sendWebhooks(deliverWebhook, failed)
          .then(() => sandbox.startActivity())
          .catch(failed);
      }
    },

    drain,

    async close() {
      drain();
      await Promise.all([indexer?.stopped(), recorder.settled()]);
      const ready = await opened?.catch(() => undefined);
      if (ready && live.store.kind !== 'given') await ready.close();
    },
  };
}
