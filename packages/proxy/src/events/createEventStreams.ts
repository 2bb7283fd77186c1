import type { EventStreamOptions } from '../liveOptions.js';
import { ProxyError } from '../ProxyError.js';
import type { ProxyLogger } from '../ProxyLogger.js';
import type { EventLog, LoggedEvent } from '../store/eventLog/EventLog.js';
import { shuttingDown } from '../upstream/createDrainGate.js';
import { commentFrame, eventFrame, HEARTBEAT_FRAME, resyncEvent } from './sseFrames.js';

/** Options of {@link createEventStreams}. */
export interface EventStreamsOptions {
  /** The event log (opened on first use). */
  eventLog: () => Promise<EventLog>;
  limits: Required<EventStreamOptions>;
  logger: ProxyLogger;
  /** Clock in milliseconds (the `time` of `resync`). */
  now?: () => number;
}

/** The open `GET /events` streams of one proxy. */
export interface EventStreams {
  /**
   * Opens a stream: after `lastEventId` it first replays the newer events from the log (or
   * sends `resync` when it cannot), then every event as it is logged; without one it starts
   * with the next event. Throws a 503 `unavailable` beyond the connection cap or once draining.
   * `connection.abort` drops the connection at once (Node: the socket's `destroy`); without it,
   * a stream is cut by erroring its body, which the server may log.
   */
  open(lastEventId: string | null, connection?: { abort?: () => void }): Promise<Response>;
  /** Streams open now. */
  readonly size: number;
  /** Ends every stream (browsers reconnect, to another instance) and refuses new ones. */
  drain(): void;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  // nginx and similar proxies must pass events on at once, not buffer them.
  'x-accel-buffering': 'no',
};

interface Stream {
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** Drops the connection (when the server gave a way). */
  abort: (() => void) | undefined;
  /** While replaying: live events that arrived meanwhile, by id in arrival order. Null once live. */
  pending: Map<string, Uint8Array> | null;
  pendingBytes: number;
  ended: boolean;
  /** Resolves when the browser has read enough for more to be written (replay only). */
  room: (() => void) | null;
  /** The first frame of the batch being gathered that is this stream's (it went live after the others). */
  batchStart: number;
}

/** Waits for the end of this turn of the event loop (its I/O callbacks), where supported. */
const afterThisTurn: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

function concat(frames: readonly Uint8Array[], from = 0): Uint8Array {
  if (frames.length - from === 1) return frames[from] as Uint8Array;
  let bytes = 0;
  for (let i = from; i < frames.length; i++) bytes += (frames[i] as Uint8Array).byteLength;
  const joined = new Uint8Array(bytes);
  for (let i = from, at = 0; i < frames.length; at += (frames[i] as Uint8Array).byteLength, i++) joined.set(frames[i] as Uint8Array, at);
  return joined;
}

/**
 * The fan-out of `GET /events`: one subscription to the event log, each event encoded once and
 * written to every stream. A write is a system call per connection, the fan-out's main cost, so
 * events go out in batches: an event after a quiet spell at the end of the turn it was logged
 * in, and while events keep coming, those of each `batchMs` (default 50 ms) together, one write
 * a stream. A stream's unsent bytes are
 * bounded (`maxBufferedBytes`): a browser that does not read is cut off rather than buffered for
 * without end, and resumes later from its `Last-Event-ID`. A heartbeat comment keeps idle
 * connections open.
 */
export function createEventStreams(options: EventStreamsOptions): EventStreams {
  const { limits, logger } = options;
  const now = options.now ?? Date.now;
  const streams = new Set<Stream>();
  let reserved = 0;
  let draining = false;
  let subscribed: Promise<EventLog> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  // The frames of live events logged in this turn, written to the live streams at its end.
  let batch: Uint8Array[] = [];
  let flushScheduled = false;
  let lastFlush = Number.NEGATIVE_INFINITY;

  const log = (fields: Record<string, unknown>) => logger.info(JSON.stringify({ time: new Date(now()).toISOString(), level: 'warn', ...fields }));

  function end(stream: Stream): void {
    stream.ended = true;
    streams.delete(stream);
    stream.pending = null;
    stream.room?.();
    if (streams.size === 0 && heartbeat !== undefined) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  /** Drops a stream's connection at once, and what it holds: the browser sees it break. */
  function drop(stream: Stream, why: string): void {
    end(stream);
    // Dropping the socket first lets the server see a browser that left (no error to log);
    // the body is then cancelled, which frees its queue.
    if (stream.abort) return stream.abort();
    try {
      stream.controller.error(new Error(why));
    } catch {
      // Already closed by the browser.
    }
  }

  /** Cuts a stream off (a browser too slow, a failed replay), saying so in the log. */
  function cut(stream: Stream, why: string): void {
    if (stream.ended) return;
    const buffered = limits.maxBufferedBytes - (stream.controller.desiredSize ?? 0) + stream.pendingBytes;
    drop(stream, why);
    log({ msg: `event stream cut off: ${why}`, bufferedBytes: buffered, streams: streams.size });
  }

  function write(stream: Stream, frame: Uint8Array): void {
    if (stream.ended) return;
    stream.controller.enqueue(frame);
    if ((stream.controller.desiredSize ?? 0) < 0) cut(stream, `the browser read too slowly (more than ${limits.maxBufferedBytes} bytes unsent)`);
  }

  /** Keeps a live event for a stream still replaying: it is written once the replay has caught up. */
  function hold(stream: Stream, id: string, frame: Uint8Array): void {
    if (!stream.pending) return;
    stream.pending.set(id, frame);
    stream.pendingBytes += frame.byteLength;
    if (stream.pendingBytes > limits.maxBufferedBytes) cut(stream, `too many events arrived while replaying (more than ${limits.maxBufferedBytes} bytes)`);
  }

  /** Writes the turn's batch: one shared buffer for every stream live since before it began. */
  function flush(): void {
    flushScheduled = false;
    lastFlush = performance.now();
    const frames = batch;
    batch = [];
    if (frames.length === 0) return;
    const all = concat(frames);
    for (const stream of streams) {
      if (stream.pending || stream.ended) continue;
      const from = stream.batchStart;
      stream.batchStart = 0;
      if (from < frames.length) write(stream, from === 0 ? all : concat(frames, from));
    }
  }

  function onEvent(event: LoggedEvent): void {
    if (streams.size === 0) return;
    const frame = eventFrame(event);
    let live = false;
    for (const stream of streams) {
      if (stream.pending) hold(stream, event.id, frame);
      else live = true;
    }
    if (!live) return;
    batch.push(frame);
    if (flushScheduled) return;
    flushScheduled = true;
    const wait = lastFlush + limits.batchMs - performance.now();
    if (wait <= 0) afterThisTurn(flush);
    else setTimeout(flush, wait);
  }

  function eventLog(): Promise<EventLog> {
    subscribed ??= options.eventLog().then((opened) => {
      opened.subscribe(onEvent);
      return opened;
    });
    return subscribed;
  }

  /** Waits until the browser has read what was written (replay writes no faster than it reads). */
  function room(stream: Stream): Promise<void> | undefined {
    if (stream.ended || (stream.controller.desiredSize ?? 0) > 0) return undefined;
    return new Promise((resolve) => {
      stream.room = () => {
        stream.room = null;
        resolve();
      };
    });
  }

  /** Writes what arrived during the replay, minus the first `skip` (already covered), and goes live. */
  function goLive(stream: Stream, skip = 0): void {
    const pending = stream.pending;
    stream.pending = null;
    stream.pendingBytes = 0;
    // What the turn's batch holds so far was held for it (and is written now): only later frames are its.
    stream.batchStart = batch.length;
    if (!pending || stream.ended) return;
    let index = 0;
    for (const frame of pending.values()) if (index++ >= skip) write(stream, frame);
  }

  async function resync(stream: Stream, opened: EventLog): Promise<void> {
    // Events that arrived before `lastId()` ran are covered by it; those after come next.
    const covered = stream.pending?.size ?? 0;
    const lastId = await opened.lastId();
    if (stream.ended) return;
    write(stream, eventFrame(resyncEvent(lastId, new Date(now()).toISOString())));
    goLive(stream, covered);
  }

  async function replay(stream: Stream, opened: EventLog, lastEventId: string): Promise<void> {
    const { events, gap } = await opened.readAfter(lastEventId, limits.maxReplayEvents + 1);
    if (gap || events.length > limits.maxReplayEvents) return resync(stream, opened);
    for (const event of events) {
      stream.pending?.delete(event.id);
      // oxlint-disable-next-line no-await-in-loop -- a replay goes at the pace the browser reads
      await room(stream);
      if (stream.ended) return;
      write(stream, eventFrame(event));
    }
    goLive(stream);
  }

  function startHeartbeat(): void {
    if (heartbeat !== undefined) return;
    heartbeat = setInterval(() => {
      for (const stream of streams) write(stream, HEARTBEAT_FRAME);
    }, limits.heartbeatMs);
    (heartbeat as { unref?: () => void }).unref?.();
  }

  return {
    async open(lastEventId, connection = {}) {
      if (draining) throw shuttingDown();
      if (streams.size + reserved >= limits.maxConnections) {
        throw new ProxyError(
          503,
          'unavailable',
          `This proxy already streams events to ${limits.maxConnections} browsers; retry in a moment, or raise events.maxConnections (C2D_PROXY_MAX_EVENT_CONNECTIONS)`,
          5,
        );
      }
      reserved++;
      let opened: EventLog;
      try {
        opened = await eventLog();
      } finally {
        reserved--;
      }
      if (draining) throw shuttingDown();
      let stream!: Stream;
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            stream = {
              controller,
              abort: connection.abort,
              pending: lastEventId === null ? null : new Map(),
              pendingBytes: 0,
              ended: false,
              room: null,
              // A new stream starts with the next event: not with those already gathered in this turn.
              batchStart: batch.length,
            };
            streams.add(stream);
            // Sent at once, so the browser knows the stream is open before the first event.
            controller.enqueue(commentFrame('connected'));
          },
          pull() {
            stream.room?.();
          },
          cancel() {
            end(stream);
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: limits.maxBufferedBytes }),
      );
      startHeartbeat();
      if (lastEventId !== null) {
        replay(stream, opened, lastEventId).catch((error: unknown) => {
          logger.error(JSON.stringify({ time: new Date(now()).toISOString(), level: 'error', msg: 'event replay failed', error: String((error as Error)?.message ?? error) }));
          cut(stream, 'the replay failed');
        });
      }
      return new Response(body, { headers: SSE_HEADERS });
    },

    get size() {
      return streams.size;
    },

    drain() {
      draining = true;
      // Events already logged go out before the streams end.
      if (flushScheduled) flush();
      // Deleting from a Set while iterating it is safe: each stream is visited once.
      for (const stream of streams) {
        // What is queued for a reading browser still goes out; a stalled one is not waited for.
        if ((stream.controller.desiredSize ?? 0) <= 0) {
          drop(stream, 'the proxy is shutting down');
          continue;
        }
        end(stream);
        try {
          stream.controller.close();
        } catch {
          // Already closed by the browser.
        }
      }
    },
  };
}
