import type { EventLog } from '../store/eventLog/EventLog.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { stalePrefixes } from '../upstream/paths.js';
import { readWebhook } from '../upstream/readWebhook.js';

/** Options of {@link forgetStaleReads}. */
export interface ForgetStaleReadsOptions {
  /** The event log every instance appends to (Redis). */
  eventLog: EventLog;
  upstream: UpstreamClient;
  /** Receives what reading a delivery failed with. */
  onError: (error: unknown) => void;
}

/**
 * With instances sharing one event log: each event, whichever instance received its webhook,
 * makes this instance's in-flight reads of what the delivery touched stale, so that an answer
 * Chat2Desk gave before the change is not cached after it (the receiving instance already
 * dropped the shared cache's entries). One instance needs none of it: its webhook receiver does
 * both. Answers the unsubscribe.
 */
export function forgetStaleReads({ eventLog, upstream, onError }: ForgetStaleReadsOptions): () => void {
  return eventLog.subscribe((event) => {
    eventLog
      .delivery(event.id)
      .then((delivery) => {
        if (!delivery) return;
        const reading = readWebhook(delivery.payload as { hook_type: string } & Record<string, unknown>, delivery.receivedAt);
        for (const prefix of stalePrefixes(reading.touches)) upstream.forgetInflight(prefix);
      })
      .catch(onError);
  });
}
