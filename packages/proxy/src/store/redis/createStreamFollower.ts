import type { RedisConnection } from './createRedisConnection.js';
import { isRedisUnavailable } from './RedisUnavailableError.js';

/** One entry of a Redis stream: its id and its fields. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

/** Options of {@link createStreamFollower}. */
export interface StreamFollowerOptions {
  /** A connection of its own (a blocking `XREAD` holds it); the follower closes it. */
  connection: RedisConnection;
  /** The stream's key. */
  key: string;
  /**
   * The id to follow from (entries after it). Called synchronously at the start, so a command it
   * sends goes out before any command sent after the follower was created on the same connection.
   */
  start: () => Promise<string>;
  /**
   * Called when, after an outage, the position is gone: the stream was trimmed past it, or
   * Redis came back empty. Answers the id to go on from (after reloading what the entries
   * built). Without it the follower goes on from the start of a new stream, or from where it
   * was in a trimmed one (what was trimmed is missed).
   */
  onLost?: () => Promise<string>;
  /** Receives each batch of new entries, in stream order. */
  onEntries: (entries: StreamEntry[]) => void | Promise<void>;
  /** Receives what a read failed with (default: nothing; the follower retries on its own). */
  onError?: (error: unknown) => void;
  /** How long one `XREAD BLOCK` waits (default 5 s). */
  blockMs?: number;
}

/** A loop reading a stream as it grows; see {@link createStreamFollower}. */
export interface StreamFollower {
  /** Resolves once entries up to `id` were handed to `onEntries`, or after `timeoutMs` (false). */
  reached(id: string, timeoutMs: number): Promise<boolean>;
  /** Stops the loop and closes its connection. */
  close(): Promise<void>;
}

/** Orders two stream ids (`<ms>-<seq>`): negative, zero or positive. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs === bMs ? aSeq - bSeq : aMs - bMs;
}

/** The entries of an `XRANGE`/`XREAD` reply for one stream, fields as a record. */
export function toEntries(raw: Array<[string, string[]]>): StreamEntry[] {
  return raw.map(([id, flat]) => {
    const fields: Record<string, string> = {};
    for (let index = 0; index + 1 < flat.length; index += 2) fields[flat[index] as string] = flat[index + 1] as string;
    return { id, fields };
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows a Redis stream with one `XREAD BLOCK` loop on a dedicated connection, handing each
 * batch of new entries to `onEntries` in order: how an instance hears what the others append
 * (events for its SSE connections, client index changes). While Redis is down it retries,
 * backing off to 2 s, and goes on from where it was (see `onLost` for a position that is gone).
 */
export function createStreamFollower(options: StreamFollowerOptions): StreamFollower {
  const { connection, key } = options;
  const blockMs = options.blockMs ?? 5000;
  let position: string | undefined;
  let closed = false;
  const waiters = new Set<{ id: string; resolve: (reached: boolean) => void }>();

  const settle = () => {
    if (position === undefined) return;
    for (const waiter of waiters) {
      if (compareStreamIds(waiter.id, position) <= 0) {
        waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  };

  /** Where to go on from after an outage: `at` while it is still in the stream. */
  async function resume(at: string): Promise<string> {
    if (at === '0-0') return at;
    const [found] = await connection.command<Array<[string, string[]]>>(['XRANGE', key, at, at]);
    if (found) return at;
    if (options.onLost) return options.onLost();
    const [newest] = await connection.command<Array<[string, string[]]>>(['XREVRANGE', key, '+', '-', 'COUNT', 1]);
    // A stream whose newest entry is older than our position is a new one (Redis restarted
    // empty): all of it is new to us. Otherwise it was trimmed past us: go on from here.
    return newest && compareStreamIds(newest[0], at) > 0 ? at : '0-0';
  }

  async function loop(first: Promise<string>) {
    let starting: Promise<string> | undefined = first;
    let recovering = false;
    // `closed` is set by `close()`, between two reads.
    const running = () => !closed;
    for (let failures = 0; running(); ) {
      try {
        if (starting || position === undefined) {
          const asked = starting ?? options.start();
          starting = undefined;
          // oxlint-disable-next-line no-await-in-loop -- the start position comes first
          position = await asked;
          settle();
        } else if (recovering) {
          // oxlint-disable-next-line no-await-in-loop -- checked once after each outage
          position = await resume(position);
        }
        recovering = false;
        // A fresh connection is still connecting: wait for it rather than fail and back off.
        // oxlint-disable-next-line no-await-in-loop -- see above
        if (!connection.ready) await connection.whenReady(2000);
        // oxlint-disable-next-line no-await-in-loop -- one blocking read at a time is the point
        const reply = await connection.command<Array<[string, Array<[string, string[]]>]> | null>(
          ['XREAD', 'COUNT', 500, 'BLOCK', blockMs, 'STREAMS', key, position],
          { timeoutMs: null },
        );
        failures = 0;
        const entries = toEntries(reply?.[0]?.[1] ?? []);
        if (entries.length === 0) continue;
        try {
          // oxlint-disable-next-line no-await-in-loop -- entries are handed on in order
          await options.onEntries(entries);
        } catch (error) {
          // Redis went away while the entries were handled: read them again once it is back.
          if (isRedisUnavailable(error)) throw error;
          options.onError?.(error); // a consumer's bug must not stop the stream for everyone
        }
        position = (entries.at(-1) as StreamEntry).id;
        settle();
      } catch (error) {
        if (closed) return;
        if (!isRedisUnavailable(error)) options.onError?.(error);
        recovering = true;
        failures++;
        // oxlint-disable-next-line no-await-in-loop -- backing off while Redis is away
        await sleep(Math.min(100 * 2 ** failures, 2000));
      }
    }
  }

  // Asked before anything else can be sent on the caller's connection (see `start`).
  const first = options.start();
  first.catch(() => {}); // the loop handles (and retries) a failed start
  void loop(first);

  return {
    reached(id, timeoutMs) {
      if (position !== undefined && compareStreamIds(id, position) <= 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const waiter = { id, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) resolve(false);
        }, timeoutMs).unref();
      });
    },
    async close() {
      closed = true;
      for (const waiter of waiters) waiter.resolve(false);
      waiters.clear();
      await connection.close();
    },
  };
}
