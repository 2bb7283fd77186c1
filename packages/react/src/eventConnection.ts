import { isConsoleApiError, type ConsoleEvent, type StreamEventsOptions } from '@c2d-console/core';

/**
 * What the console's event stream is doing: `connecting` until the stream first speaks, `live`
 * while it does (nothing polls), `polling` while it is down or switched off (the history polls
 * as before, and the stream is retried in the background).
 */
export type ConsoleConnectionStatus = 'connecting' | 'live' | 'polling';

/** The first retry waits about this long (ms); each failed one doubles it. */
export const EVENTS_RETRY_MIN_MS = 1000;
/** The longest wait between retries (ms). */
export const EVENTS_RETRY_MAX_MS = 30_000;
/** A stream live this long (ms) counts as stable: the next drop starts the backoff over. */
export const EVENTS_STABLE_MS = 10_000;
/**
 * A stream silent this long (ms: two of the proxy's 20 s heartbeats and some) is dead, though no
 * error said so (a laptop woke up, a NAT forgot the connection): it is closed and reopened.
 */
export const EVENTS_SILENCE_MS = 45_000;
/** After the proxy refused the token (401/403), how often to look whether it changed (ms); nothing is sent meanwhile. */
export const EVENTS_AUTH_CHECK_MS = 30_000;

/**
 * How long to wait before retry number `attempt` (0-based): doubling from
 * {@link EVENTS_RETRY_MIN_MS} up to {@link EVENTS_RETRY_MAX_MS}, a random half of it taken off
 * ("equal jitter"), so the consoles a proxy restart dropped do not all come back at once.
 */
export function eventRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(EVENTS_RETRY_MAX_MS, EVENTS_RETRY_MIN_MS * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Options of {@link connectEvents}. */
export interface EventConnectionOptions {
  /** Opens the stream once and resolves or rejects when it ends: `ConsoleClient.streamEvents`. */
  stream: (options: StreamEventsOptions) => Promise<void>;
  onEvent: (event: ConsoleEvent) => void;
  onStatus: (status: ConsoleConnectionStatus) => void;
  /** The token requests send (the provider's `getAuthToken`): after a 401/403 the next try waits for it to change. */
  getToken?: () => unknown;
  /** For tests: the jitter's randomness. */
  random?: () => number;
}

/** A running {@link connectEvents}. */
export interface EventConnection {
  /** Stops for good: closes the stream and cancels any retry. */
  close(): void;
  /** The auth changed: if the proxy had refused the stream's token, tries again now. */
  authChanged(): void;
}

/**
 * Keeps one event stream open: reconnects after a drop, an end or {@link EVENTS_SILENCE_MS} of
 * silence with backoff ({@link eventRetryDelay}, at least the proxy's `Retry-After`), resumes
 * from the last event's id (`Last-Event-ID`), and reports each change of its status. The stream
 * is `live` once something (an event, a heartbeat) came through it, not when the proxy merely
 * answered 200: something in between that buffers the stream must not stop the polling. A
 * refusal of the token (401/403) stops the retries until the token changes; any other failure
 * (network, 503 over the proxy's connection cap, 404 from a proxy without `/events`) is retried
 * quietly.
 */
export function connectEvents({ stream, onEvent, onStatus, getToken, random }: EventConnectionOptions): EventConnection {
  let lastEventId: string | undefined;
  let attempt = 0;
  let closed = false;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while waiting for a new token: the one the proxy refused. */
  let refused: { token: unknown } | undefined;
  let status: ConsoleConnectionStatus | undefined;
  const report = (next: ConsoleConnectionStatus) => {
    if (next !== status) onStatus((status = next));
  };

  const later = (run: () => void, ms: number) => {
    if (!closed) timer = setTimeout(run, ms);
  };
  // A host's getAuthToken that throws counts as "no token": the requests themselves report it.
  const tokenNow = async () => {
    try {
      return await getToken?.();
    } catch {
      return undefined;
    }
  };

  async function open(): Promise<void> {
    refused = undefined;
    const current = new AbortController();
    controller = current;
    let liveSince: number | undefined;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(silence);
      // Aborted like a close; `closed` tells the two apart, and either way the stream is reopened.
      silence = setTimeout(() => current.abort(), EVENTS_SILENCE_MS);
    };
    const heard = () => {
      liveSince ??= Date.now();
      report('live');
      watch();
    };
    let failure: unknown;
    try {
      await stream({
        lastEventId,
        signal: current.signal,
        onOpen: watch,
        onHeartbeat: heard,
        onEvent: (event) => {
          lastEventId = event.id;
          heard();
          onEvent(event);
        },
      });
    } catch (error) {
      failure = error;
    }
    clearTimeout(silence);
    if (closed) return;
    if (liveSince !== undefined && Date.now() - liveSince >= EVENTS_STABLE_MS) attempt = 0;
    report('polling');
    if (isConsoleApiError(failure) && (failure.status === 401 || failure.status === 403)) {
      refused = { token: await tokenNow() };
      later(checkToken, EVENTS_AUTH_CHECK_MS);
      return;
    }
    const retryAfterMs = isConsoleApiError(failure) ? (failure.retryAfter ?? 0) * 1000 : 0;
    later(() => void open(), Math.max(eventRetryDelay(attempt, random), retryAfterMs));
    attempt += 1;
  }

  async function checkToken(): Promise<void> {
    const token = await tokenNow();
    if (closed || !refused) return;
    if (token !== refused.token) void open();
    else later(checkToken, EVENTS_AUTH_CHECK_MS);
  }

  report('connecting');
  void open();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
    authChanged() {
      if (closed || !refused) return;
      clearTimeout(timer);
      attempt = 0;
      void open();
    },
  };
}
