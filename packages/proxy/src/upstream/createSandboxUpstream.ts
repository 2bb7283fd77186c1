import type { SandboxApp, SandboxAppOptions } from '../sandbox/createSandboxApp.js';
import type { TransferInput } from '../store/transfers/TransferStore.js';
import type { C2DHookBase } from './chat2deskTypes.js';
import type { UpstreamFetch } from './createUpstreamClient.js';

/** Options of {@link createSandboxUpstream}: the sandbox's own, and its activity loop. */
export interface SandboxUpstreamOptions extends SandboxAppOptions {
  /** Simulated activity (clients writing, dialogs transferred and closed); off by default. */
  activity?: boolean | { intervalMs?: number };
}

/** The in-process fake Chat2Desk, as the proxy uses it in sandbox mode. */
export interface SandboxUpstream {
  /** Base URL the upstream client prefixes paths with (never resolved over a network). */
  baseUrl: string;
  /** Calls the sandbox's API like `fetch` would call Chat2Desk. */
  fetch: UpstreamFetch;
  /** Hands a browser request (the fake web UI under `/chat/`) to the sandbox as is. */
  handle(request: Request): Promise<Response>;
  /** The sandbox's seeded transfer history, oldest first, for the proxy to record as it records webhooks' transfers. */
  seededTransfers(): Promise<TransferInput[]>;
  /**
   * From now on, sends every change of the fake account to `deliver` as the webhook delivery
   * Chat2Desk would POST, one after another in order (the proxy posts them to its own webhook
   * route). What `deliver` throws goes to `onError`.
   */
  sendWebhooks(deliver: (payload: C2DHookBase) => Promise<void>, onError: (error: unknown) => void): Promise<void>;
  /** Starts the activity loop when it is configured (once). */
  startActivity(): Promise<void>;
  /** Stops the activity loop and further webhooks. */
  stop(): void;
}

/** The sandbox's times are zoneless UTC (`c2dTime`). */
const isoOf = (c2dTime: string): string => `${c2dTime}.000Z`;

/**
 * Wraps the sandbox app. It is imported on first use, so live deployments (Workers bundles
 * included) never load the sandbox's seed data generator.
 */
export function createSandboxUpstream(options: SandboxUpstreamOptions = {}): SandboxUpstream {
  let sandbox: Promise<SandboxApp> | undefined;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  let activity: { stop(): void } | undefined;
  const load = () => (sandbox ??= import('../sandbox/index.js').then((m) => m.createSandboxApp(options)));
  return {
    baseUrl: 'http://sandbox.invalid',
    fetch: async (url, init) => (await load()).app.fetch(new Request(url, init)),
    handle: async (request) => (await load()).app.fetch(request),
    async seededTransfers() {
      const { store } = await load();
      return store.data.transfers.map((t) => ({
        dialogId: t.dialog_id,
        clientId: t.client_id,
        fromOperatorId: t.from_operator_id,
        toOperatorId: t.to_operator_id,
        created: isoOf(t.created),
        reason: t.reason,
      }));
    },
    async sendWebhooks(deliver, onError) {
      const [{ store }, { sandboxWebhookPayloads }] = await Promise.all([load(), import('../sandbox/sandboxWebhooks.js')]);
      let queue = Promise.resolve();
      unsubscribe?.();
      unsubscribe = store.subscribe((change) => {
        for (const payload of sandboxWebhookPayloads(store, change)) {
          // In order, after the change's own answer: as Chat2Desk delivers, a moment later.
          queue = queue.then(() => (stopped ? undefined : deliver(payload))).catch(onError);
        }
      });
    },
    async startActivity() {
      if (!options.activity || activity || stopped) return;
      const [{ store }, { createSandboxActivity }] = await Promise.all([load(), import('../sandbox/createSandboxActivity.js')]);
      if (activity || stopped) return;
      const started = createSandboxActivity(store, typeof options.activity === 'object' ? options.activity : {});
      started.start();
      activity = started;
    },
    stop() {
      stopped = true;
      activity?.stop();
      unsubscribe?.();
    },
  };
}
