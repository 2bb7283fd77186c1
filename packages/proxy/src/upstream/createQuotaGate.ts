import { QUOTA_HOLD_SECONDS, quotaError } from './upstreamErrors.js';

/**
 * Remembers that Chat2Desk reported the monthly quota used up, so that a burst of requests
 * after it costs nothing more: every call in the next minute is answered 503 `upstream_quota`
 * without asking Chat2Desk (API use is billed).
 */
export interface QuotaGate {
  /** Throws the 503 `upstream_quota` answer while the gate is closed. */
  check(): void;
  /** Chat2Desk just reported the quota used up: refuse calls for the hold time. */
  close(): void;
}

/** Options of {@link createQuotaGate}. */
export interface QuotaGateOptions {
  /** How long calls are refused after a quota answer (default 60 s). */
  holdMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** Creates an in-memory {@link QuotaGate} (one per proxy instance). */
export function createQuotaGate({ holdMs = QUOTA_HOLD_SECONDS * 1000, now = Date.now }: QuotaGateOptions = {}): QuotaGate {
  let closedUntil = 0;
  return {
    check() {
      const left = closedUntil - now();
      if (left > 0) throw quotaError(left / 1000);
    },
    close() {
      closedUntil = now() + holdMs;
    },
  };
}
