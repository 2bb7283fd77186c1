/** How long the event log keeps deliveries by default: a week. */
export const DEFAULT_EVENT_RETENTION_MS = 7 * 24 * 60 * 60_000;

/**
 * How long a delivery's dedupe key is kept at least, whatever the retention. Chat2Desk retries a
 * failed delivery after 10 s, 5 min and 2 h, and disables the webhook after 5 h of failures; six
 * hours cover every retry it can still send.
 */
export const DEDUPE_WINDOW_MS = 6 * 60 * 60_000;

/** Options of the memory and SQLite event logs. */
export interface EventLogOptions {
  /** How long deliveries and their events are kept, in milliseconds (default a week). */
  retentionMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Receives what a listener threw; the append and the other listeners go on (default `console.error`). */
  onListenerError?: (error: unknown) => void;
}

/** {@link EventLogOptions} checked and filled in. */
export interface ResolvedEventLogOptions {
  retentionMs: number;
  /** Dedupe keys live this long: the retention, or the retry window when that is longer. */
  dedupeRetentionMs: number;
  now: () => number;
  onListenerError: (error: unknown) => void;
}

/** Checks `options` and fills in the defaults. */
export function resolveEventLogOptions(options: EventLogOptions = {}): ResolvedEventLogOptions {
  const retentionMs = options.retentionMs ?? DEFAULT_EVENT_RETENTION_MS;
  if (!Number.isSafeInteger(retentionMs) || retentionMs <= 0) {
    throw new RangeError(`event log retentionMs must be a positive integer of milliseconds (got ${String(retentionMs)})`);
  }
  return {
    retentionMs,
    dedupeRetentionMs: Math.max(retentionMs, DEDUPE_WINDOW_MS),
    now: options.now ?? Date.now,
    onListenerError: options.onListenerError ?? ((error) => console.error('event log listener failed:', error)),
  };
}
