import type { ConsoleEvent } from '@c2d-console/core';

/**
 * The bytes of `GET /events` (Server-Sent Events), as `@c2d-console/core`'s `readEventStream`
 * reads them: `id: <id>`, `event: <type>`, `data: <the whole event as JSON>`, a blank line.
 * `JSON.stringify` escapes line breaks, so the data is always one line.
 */

const encoder = new TextEncoder();

/** One event's frame, encoded once and written to every stream as is. */
export function eventFrame(event: ConsoleEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** A comment line (`: text`): readers skip it; it keeps an idle connection open. */
export function commentFrame(text: string): Uint8Array {
  return encoder.encode(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
}

/** The heartbeat every stream gets while nothing happens. */
export const HEARTBEAT_FRAME = commentFrame('heartbeat');

/** A `resync` event: events after the browser's `Last-Event-ID` cannot be replayed; `lastId` is where it goes on from. */
export function resyncEvent(lastId: string | null, time: string): ConsoleEvent {
  return { id: lastId ?? '', type: 'resync', time, data: {} };
}
