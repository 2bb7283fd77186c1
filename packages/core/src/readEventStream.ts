import { createEventStreamParser } from './eventStreamParser.js';
import { CONSOLE_EVENT_TYPES, type ConsoleEvent } from './events.js';

/**
 * Reads a Server-Sent Events body (`GET /events`) and calls `onEvent` for each console event,
 * in order. Heartbeat comments, unknown event types (a newer proxy) and malformed data are
 * skipped, so one bad event never ends the stream; `onHeartbeat` hears each comment line, so a
 * reader can tell a quiet stream from a dead one. Resolves when the body ends; rejects when
 * reading fails (the connection dropped) or `signal` aborts.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ConsoleEvent) => void,
  signal?: AbortSignal,
  onHeartbeat?: () => void,
): Promise<void> {
  const feed = createEventStreamParser({
    onComment: onHeartbeat,
    onEvent({ event: type, data, id }) {
      if (!CONSOLE_EVENT_TYPES.includes(type as ConsoleEvent['type'])) return;
      let event: ConsoleEvent | undefined;
      try {
        event = JSON.parse(data);
      } catch {
        // Malformed data: skipped below.
      }
      // The `id:` and `event:` fields are the authority; the data repeats them for logs.
      if (event && typeof event === 'object') onEvent({ ...event, id: id ?? event.id, type } as ConsoleEvent);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      // oxlint-disable-next-line no-await-in-loop -- a stream is read one chunk at a time
      const { done, value } = await reader.read();
      if (done) break;
      feed(decoder.decode(value, { stream: true }));
    }
    if (signal?.aborted) throw signal.reason;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
