import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';
import { eventsQuerySchema, LAST_EVENT_ID } from './requestSchemas.js';
import { validQuery } from './validators.js';

/**
 * `GET /events`: Server-Sent Events, behind the same auth as the rest of the API (browsers read
 * it with `fetch` streaming, as `EventSource` cannot send `Authorization`). `Last-Event-ID` (the
 * header, or `?lastEventId=`) replays what came after it; without one the stream starts now.
 */
export function createEventsRoutes({ live }: ProxyDeps) {
  return new Hono<ProxyEnv>().get('/', can('read'), validQuery(eventsQuerySchema), async (c) => {
    const header = c.req.header('last-event-id');
    if (header !== undefined && !LAST_EVENT_ID.test(header)) {
      throw new ProxyError(400, 'bad_request', 'Invalid Last-Event-ID header: it must be an event id from this stream (at most 64 letters, digits, "-", "_", ".", ":")');
    }
    const lastEventId = header || c.req.valid('query').lastEventId || null;
    // On Node (`@hono/node-server`) the response's socket: a console too slow to read is dropped with it.
    const outgoing = (c.env as { outgoing?: { destroy?: () => void } } | undefined)?.outgoing;
    return live.streams.open(lastEventId, { abort: outgoing?.destroy ? () => outgoing.destroy?.() : undefined });
  });
}
