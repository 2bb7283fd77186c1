import type { ClientIndex, ClientIndexEntry, ClientIndexStatus } from './ClientIndex.js';

/** One page of clients, as the fetcher given to {@link indexAllClients} answers it. */
export interface ClientPageAnswer {
  /** The page's clients, mapped from `/v1/clients`. */
  entries: ClientIndexEntry[];
  /** How many clients Chat2Desk reports (`meta.total`), when it says. */
  total: number | null;
}

/** Options of {@link indexAllClients}. */
export interface IndexAllClientsOptions {
  /** Reads one page of `/v1/clients` (through the proxy's rate limiter). */
  fetchPage(request: { offset: number; limit: number; signal: AbortSignal }): Promise<ClientPageAnswer>;
  /** Where the clients go. */
  index: ClientIndex;
  /** Clients a page (default 200, the most Chat2Desk gives). */
  pageSize?: number;
  /**
   * Pause between pages in milliseconds (default 1000): one call a second leaves most of the
   * token's budget (5 a second by default) to the operators' own requests.
   */
  pauseMs?: number;
  /** Stops the pass: the returned promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Waits `ms`, or rejects when `signal` aborts (tests pass a fake). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    // Background waits (the index's pauses and refreshes) never keep a process alive on their own.
    (timer as { unref?: () => void }).unref?.();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Pages through every client with `fetchPage` and puts them in `index`, recording progress in
 * the index's status after each page, so that searches can say they are still incomplete.
 * A later pass keeps `complete: true` from an earlier one: the index then holds everyone
 * already, and the pass only refreshes. Resolves with the final status; rejects when a page
 * fails (what was read so far stays indexed) or the signal aborts.
 */
export async function indexAllClients(options: IndexAllClientsOptions): Promise<ClientIndexStatus> {
  const { fetchPage, index } = options;
  const pageSize = options.pageSize ?? 200;
  const pauseMs = options.pauseMs ?? 1000;
  const signal = options.signal ?? new AbortController().signal;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 200) {
    throw new RangeError(`indexAllClients pageSize must be an integer from 1 to 200, Chat2Desk's page limit (got ${String(pageSize)})`);
  }
  if (!Number.isFinite(pauseMs) || pauseMs < 0) throw new RangeError(`indexAllClients pauseMs must be 0 or more (got ${String(pauseMs)})`);

  const stamp = () => new Date(now()).toISOString();
  const before = await index.status();
  let status: ClientIndexStatus = { indexed: 0, total: before.total, complete: before.complete, updatedAt: stamp() };
  await index.setStatus(status);

  for (let offset = 0; ; ) {
    signal.throwIfAborted();
    // oxlint-disable-next-line no-await-in-loop -- one page at a time, within the rate budget
    const page = await fetchPage({ offset, limit: pageSize, signal });
    signal.throwIfAborted();
    // oxlint-disable-next-line no-await-in-loop -- each page is indexed before the next is read
    await index.upsert(page.entries);
    offset += page.entries.length;
    const last = page.entries.length < pageSize || (page.total !== null && offset >= page.total);
    status = { indexed: offset, total: page.total ?? (last ? offset : null), complete: status.complete || last, updatedAt: stamp() };
    // oxlint-disable-next-line no-await-in-loop -- progress is recorded page by page
    await index.setStatus(status);
    if (last) return status;
    // oxlint-disable-next-line no-await-in-loop -- the pause between pages is the point
    await sleep(pauseMs, signal);
  }
}
