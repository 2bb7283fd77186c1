import type { ProxyLogger } from '../ProxyLogger.js';
import type { ConsoleStores } from '../store/ConsoleStores.js';
import type { ConsoleEventDraft } from '../store/eventLog/EventLog.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { stalePrefixes } from '../upstream/paths.js';
import type { WebhookTouches } from '../upstream/readWebhook.js';

/**
 * How long after a write its webhook is taken for the write's echo. Chat2Desk delivers within
 * seconds; its first retry comes 10 s after a failure, and a retry of a stored delivery is a
 * duplicate anyway.
 */
export const ECHO_WINDOW_MS = 2 * 60_000;

/** A webhook Chat2Desk is expected to send for a write (⚠ whether it sends one for API writes is not documented). */
export interface WriteEcho {
  /** `dialog_transferred`, `close_dialog`, `new_request`, `client_updated`, `add_tag_to_client`... */
  hookType: string;
  /** The dialog (dialog hooks) or client (client hooks) it names. */
  id: number;
  /** How many deliveries to expect (one per tag added, for instance); default 1. */
  count?: number;
}

/** One write as the event stream tells it. */
export interface AnnouncedWrite {
  /**
   * Names the write in the event log: a webhook with the same dedupe key (a sent message's
   * `outbox:<id>`) is then stored once, whichever comes first.
   */
  dedupeKey: string;
  /** What the write made stale in the cache of Chat2Desk answers. */
  touches: WebhookTouches;
  /** The events to stream, in order (none: the cache is dropped all the same). */
  events: ConsoleEventDraft[];
  /** What the log keeps beside the events, for debugging (the write's input and who made it). */
  payload: unknown;
}

/**
 * The proxy's own writes (transfer, close, reopen, card edits, tags, sends) on the event stream:
 * each is told at once, whether Chat2Desk sends webhooks or not, and the webhooks Chat2Desk
 * sends back for it (its echoes) are stored without a second event or a second transfer record.
 * Echoes are remembered in this instance's memory: behind a load balancer, an echo reaching
 * another instance is streamed again (a harmless repeat: consoles refetch once more).
 */
export interface ConsoleWrites {
  /**
   * Registers the echoes a write is about to cause, before it is sent (Chat2Desk may deliver
   * them before it answers). Returns the cancel to call when the write failed.
   */
  expect(echoes: readonly WriteEcho[]): () => void;
  /**
   * Whether a delivery is the echo of a write (its hook type and the dialog or client it names):
   * takes one expected echo when it is.
   */
  takeEcho(hookType: string, touches: Pick<WebhookTouches, 'clientId' | 'dialogId'>): boolean;
  /**
   * Sends a write: its echoes expected first (forgotten again if it fails), the cached answers
   * it makes stale dropped whatever happened (a write that timed out may have been made).
   */
  send<T>(write: { echoes: readonly WriteEcho[]; touches: WebhookTouches }, send: () => Promise<T>): Promise<T>;
  /**
   * Drops the cached answers the write made stale, then logs (and so streams) its events. Never
   * throws: the write is done, and a failure to tell of it is logged rather than answered.
   */
  announce(write: AnnouncedWrite): Promise<void>;
}

/** Options of {@link createConsoleWrites}. */
export interface ConsoleWritesOptions {
  stores: () => Promise<ConsoleStores>;
  upstream: UpstreamClient;
  logger: ProxyLogger;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/** The hooks that name a client rather than a dialog. */
const CLIENT_HOOKS = new Set(['client_updated', 'add_tag_to_client', 'delete_tag_from_client']);

const echoKey = (hookType: string, id: number) => `${hookType}:${id}`;

/** Creates the {@link ConsoleWrites} of one proxy. */
export function createConsoleWrites({ stores, upstream, logger, now = Date.now }: ConsoleWritesOptions): ConsoleWrites {
  // Each expected echo is one entry with its own deadline; several writes may await the same key.
  const expected = new Map<string, number[]>();

  const prune = (key: string, at: number): number[] => {
    const alive = (expected.get(key) ?? []).filter((until) => until > at);
    if (alive.length === 0) expected.delete(key);
    else expected.set(key, alive);
    return alive;
  };

  const dropStale = (touches: WebhookTouches) => Promise.all(stalePrefixes(touches).map((prefix) => upstream.invalidate(prefix)));

  const writes: ConsoleWrites = {
    async send({ echoes, touches }, send) {
      const cancel = writes.expect(echoes);
      try {
        return await send();
      } catch (error) {
        cancel();
        throw error;
      } finally {
        await dropStale(touches);
      }
    },

    expect(echoes) {
      // Echoes that never came go here: the map holds at most the last window's writes.
      for (const key of expected.keys()) prune(key, now());
      const until = now() + ECHO_WINDOW_MS;
      const added: Array<[string, number]> = [];
      for (const echo of echoes) {
        const key = echoKey(echo.hookType, echo.id);
        for (let i = 0; i < (echo.count ?? 1); i++) {
          expected.set(key, [...prune(key, now()), until]);
          added.push([key, until]);
        }
      }
      return () => {
        for (const [key, deadline] of added) {
          const list = expected.get(key);
          const at = list?.indexOf(deadline) ?? -1;
          if (list && at >= 0) list.splice(at, 1);
          prune(key, now());
        }
      };
    },

    takeEcho(hookType, touches) {
      const id = CLIENT_HOOKS.has(hookType) ? touches.clientId : touches.dialogId;
      if (id === null) return false;
      const key = echoKey(hookType, id);
      const alive = prune(key, now());
      if (alive.length === 0) return false;
      alive.shift();
      if (alive.length === 0) expected.delete(key);
      return true;
    },

    async announce(write) {
      try {
        // Before the events are logged, as for a webhook: a console refetching on one must not be
        // answered from the cache the write made stale.
        await dropStale(write.touches);
        const { eventLog } = await stores();
        for (const [i, event] of write.events.entries()) {
          const dedupeKey = write.events.length === 1 ? write.dedupeKey : `${write.dedupeKey}#${i}`;
          // oxlint-disable-next-line no-await-in-loop -- in order: the stream tells them as they happened
          await eventLog.append({ dedupeKey, hookType: 'proxy_write', payload: write.payload, event });
        }
      } catch (error) {
        logger.error(JSON.stringify({ time: new Date(now()).toISOString(), level: 'error', msg: 'a write was made but could not be announced', dedupeKey: write.dedupeKey, error: String((error as Error)?.message ?? error) }));
      }
    },
  };
  return writes;
}
