import type { Page, Request } from 'playwright-core';

/** One request the page (or a frame in it) made. */
export interface LoggedRequest {
  method: string;
  /** Path and query, e.g. `/api/clients/1008/messages?limit=30&offset=0`. */
  path: string;
  /** `performance.now()` of this process when Chromium reported it. */
  at: number;
}

/** What {@link recordNetwork} keeps: every request, and the state of the page's event streams. */
export interface NetworkLog {
  /** Every request so far, in the order Chromium sent them. */
  readonly requests: readonly LoggedRequest[];
  /** The requests made since index `from` of {@link requests} (take `requests.length` as a mark). */
  since(from: number): LoggedRequest[];
  /** Whether a `GET /api/events` stream is open now: answered 200 and neither finished nor failed. */
  eventStreamOpen(): boolean;
  /** Requests sent and not yet finished or failed, event streams left out (they stay open). */
  inFlight(): number;
}

/** `GET /api/events`: the provider's one event stream. */
const isEventStream = (request: Request) => request.method() === 'GET' && new URL(request.url()).pathname === '/api/events';

/**
 * Records the page's network log with playwright's `page.on('request')`, frames included, and
 * follows its event streams (a fetch stream stays unfinished while it is open).
 */
export function recordNetwork(page: Page): NetworkLog {
  const requests: LoggedRequest[] = [];
  const streams = new Map<Request, 'waiting' | 'open' | 'closed'>();
  const unfinished = new Set<Request>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    requests.push({ method: request.method(), path: url.pathname + url.search, at: performance.now() });
    if (isEventStream(request)) streams.set(request, 'waiting');
    else unfinished.add(request);
  });
  page.on('response', (response) => {
    if (streams.has(response.request())) streams.set(response.request(), response.status() === 200 ? 'open' : 'closed');
  });
  const closed = (request: Request) => {
    unfinished.delete(request);
    if (streams.has(request)) streams.set(request, 'closed');
  };
  page.on('requestfinished', closed);
  page.on('requestfailed', closed);
  return {
    requests,
    since: (from) => requests.slice(from),
    eventStreamOpen: () => [...streams.values()].includes('open'),
    inFlight: () => unfinished.size,
  };
}
