import type { ClientIndexOptions } from '../liveOptions.js';
import type { ProxyLogger } from '../ProxyLogger.js';
import type { ClientIndex, ClientIndexEntry } from '../store/clientIndex/ClientIndex.js';
import type { Lease } from '../store/Lease.js';
import { abortableSleep, type ClientPageAnswer, indexAllClients } from '../store/clientIndex/indexAllClients.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { mapClientList } from '../upstream/mappers.js';
import { clientsPath } from '../upstream/paths.js';

/** Options of {@link createClientIndexer}. */
export interface ClientIndexerOptions extends Required<ClientIndexOptions> {
  index: () => Promise<ClientIndex>;
  upstream: UpstreamClient;
  logger: ProxyLogger;
  /** Wait after a failed pass before the next (default 60 s). */
  retryMs?: number;
  /** How long to wait, and check again, while console requests are queued for the rate limit (default 250 ms). */
  yieldMs?: number;
  /**
   * With several instances: the lease a pass holds, so that one instance pages through the
   * clients for all (they share the index and the rate budget); the others wait, and take over
   * if it stops. Default: none, this instance indexes.
   */
  lease?: () => Promise<Lease>;
  /** How long a pass holds the lease without renewing it, i.e. without reading a page (default 60 s). */
  leaseMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/** The background pass through `/v1/clients` that fills the client index. */
export interface ClientIndexer {
  /** Starts indexing in the background (once; later calls do nothing). */
  start(): void;
  /** Stops: the page being read is the last. */
  stop(): void;
  /** Resolves once indexing has ended after {@link stop} (at once if it never started). */
  stopped(): Promise<void>;
}

/** A page of `/v1/clients` as the index keeps it. */
export function clientIndexPage(payload: unknown): ClientPageAnswer {
  const list = mapClientList(payload);
  const entries: ClientIndexEntry[] = list.data.map((client) => ({
    id: client.id,
    name: client.name,
    phone: client.phone,
    assignedName: client.assignedName,
    lastMessageAt: client.lastClientMessage,
  }));
  return { entries, total: list.meta.total ?? null };
}

/**
 * Pages through every client within the rate budget so that names can be searched (Chat2Desk
 * cannot): a page of 200 a `pauseMs`, each page only once no console request waits for the rate
 * limiter, and never from the cache (the pages would push the consoles' answers out of it).
 * After a complete pass, the index is read in full again every `refreshMs`; webhooks keep it
 * fresh in between. A failed pass is tried again a minute later. With a `lease`, one instance
 * at a time runs the pass.
 */
export function createClientIndexer(options: ClientIndexerOptions): ClientIndexer {
  const { upstream, logger } = options;
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 60_000;
  const yieldMs = options.yieldMs ?? 250;
  const leaseMs = options.leaseMs ?? 60_000;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  // The lease of the pass under way, renewed with each page.
  let held: Lease | undefined;

  const line = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) => {
    const text = JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields });
    if (level === 'error') logger.error(text);
    else logger.info(text);
  };

  async function fetchPage({ offset, limit, signal }: { offset: number; limit: number; signal: AbortSignal }): Promise<ClientPageAnswer> {
    // Consoles first: while their calls queue for the rate limit, the index waits.
    while (upstream.queued > 0) {
      // oxlint-disable-next-line no-await-in-loop -- polling the limiter's queue
      await abortableSleep(yieldMs, signal);
    }
    if (held && !(await held.acquire(leaseMs))) throw new Error('another instance took the client index pass over');
    return upstream.get(clientsPath({ limit, offset }), clientIndexPage, { upstreamCalls: 0 }, { fresh: true });
  }

  /** How long until the next pass: none is due while a complete index is younger than `refreshMs`. */
  async function untilDue(index: ClientIndex): Promise<number> {
    const status = await index.status();
    if (!status.complete || status.updatedAt === null) return 0;
    return Math.max(0, Date.parse(status.updatedAt) + options.refreshMs - now());
  }

  async function loop(): Promise<void> {
    const index = await options.index();
    const signal = stopping.signal;
    while (!signal.aborted) {
      try {
        // oxlint-disable-next-line no-await-in-loop -- one pass after another
        await abortableSleep(await untilDue(index), signal);
        // oxlint-disable-next-line no-await-in-loop -- one pass after another
        const lease = await options.lease?.();
        // oxlint-disable-next-line no-await-in-loop -- one pass after another
        if (lease && !(await lease.acquire(leaseMs))) {
          // Another instance is indexing for everyone: look again once its lease could have lapsed.
          // oxlint-disable-next-line no-await-in-loop -- waiting for the other instance's pass
          await abortableSleep(leaseMs, signal);
          continue;
        }
        held = lease;
        const started = now();
        try {
          // oxlint-disable-next-line no-await-in-loop -- one pass after another
          const status = await indexAllClients({ fetchPage, index, pauseMs: options.pauseMs, signal, now });
          line('info', 'client index pass complete', { indexed: status.indexed, total: status.total, ms: now() - started });
        } finally {
          held = undefined;
          // oxlint-disable-next-line no-await-in-loop -- the lease goes with its pass
          await lease?.release().catch(() => {});
        }
      } catch (error) {
        if (signal.aborted) return;
        line('error', 'client index pass failed; retrying in a minute', { error: String((error as Error)?.message ?? error) });
        // oxlint-disable-next-line no-await-in-loop -- the wait before the retry is the point
        await abortableSleep(retryMs, signal).catch(() => {});
      }
    }
  }

  return {
    start() {
      running ??= loop().catch((error: unknown) => {
        if (!stopping.signal.aborted) line('error', 'client indexing stopped', { error: String((error as Error)?.message ?? error) });
      });
    },
    stop() {
      stopping.abort(new Error('the proxy is shutting down'));
    },
    stopped: () => running ?? Promise.resolve(),
  };
}
