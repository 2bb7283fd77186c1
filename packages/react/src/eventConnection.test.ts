import { ConsoleApiError, type ConsoleEvent, type StreamEventsOptions } from '@c2d-console/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectEvents,
  eventRetryDelay,
  EVENTS_AUTH_CHECK_MS,
  EVENTS_RETRY_MAX_MS,
  EVENTS_SILENCE_MS,
  EVENTS_STABLE_MS,
  type ConsoleConnectionStatus,
} from './eventConnection.js';

/** One call of the fake `streamEvents`: the test opens, feeds, ends or breaks it. */
interface FakeCall {
  options: StreamEventsOptions;
  /** The proxy answers 200 and greets (a comment line), as it does. */
  open(): void;
  /** The proxy answers 200, but nothing comes through (a buffering proxy in between). */
  accept(): void;
  heartbeat(): void;
  emit(event: ConsoleEvent): void;
  end(): void;
  fail(error: unknown): void;
}

function fakeStream() {
  const calls: FakeCall[] = [];
  const stream = vi.fn(
    (options: StreamEventsOptions) =>
      new Promise<void>((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        calls.push({
          options,
          open: () => {
            options.onOpen?.();
            options.onHeartbeat?.();
          },
          accept: () => options.onOpen?.(),
          heartbeat: () => options.onHeartbeat?.(),
          emit: options.onEvent,
          end: resolve,
          fail: reject,
        });
      }),
  );
  const last = () => {
    const call = calls.at(-1);
    if (!call) throw new Error('the stream was never opened');
    return call;
  };
  return { stream, calls, last };
}

const resync = (id: string): ConsoleEvent => ({ id, type: 'resync', time: '2026-11-01T12:00:00Z', data: {} });
const networkError = () => new ConsoleApiError(0, 'network_error', 'The event stream broke off');

describe('connectEvents', () => {
  let statuses: ConsoleConnectionStatus[];
  const onStatus = (status: ConsoleConnectionStatus) => statuses.push(status);

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  it('says it is connecting, then live once the stream speaks, passes events on, and stays on the one stream', async () => {
    const { stream, last } = fakeStream();
    const onEvent = vi.fn();
    const connection = connectEvents({ stream, onEvent, onStatus });
    expect(statuses).toEqual(['connecting']);
    last().open();
    last().emit(resync('7'));
    expect(statuses).toEqual(['connecting', 'live']);
    expect(onEvent).toHaveBeenCalledWith(resync('7'));
    // Ten quiet minutes with the proxy's heartbeat every 20 s.
    for (let beats = 0; beats < 30; beats += 1) {
      // oxlint-disable-next-line no-await-in-loop -- time moves one heartbeat at a time
      await vi.advanceTimersByTimeAsync(20_000);
      last().heartbeat();
    }
    expect(stream).toHaveBeenCalledTimes(1);
    connection.close();
  });

  it('reconnects after a drop, after the backoff, resuming from the last event id', async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    expect(last().options.lastEventId).toBeUndefined();
    last().open();
    last().emit(resync('41'));
    last().emit(resync('42'));
    last().fail(networkError());
    await vi.advanceTimersByTimeAsync(999);
    expect(stream).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('polling');
    await vi.advanceTimersByTimeAsync(1);
    expect(stream).toHaveBeenCalledTimes(2);
    expect(last().options.lastEventId).toBe('42');
    last().open();
    expect(statuses.at(-1)).toBe('live');
    connection.close();
  });

  it('doubles the wait after each failed try, up to 30 s', async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    const waits: number[] = [];
    for (let tries = 0; tries < 7; tries += 1) {
      last().fail(networkError());
      const before = stream.mock.calls.length;
      let waited = 0;
      while (stream.mock.calls.length === before) {
        // oxlint-disable-next-line no-await-in-loop -- time moves one step at a time
        await vi.advanceTimersByTimeAsync(250);
        waited += 250;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(statuses).toEqual(['connecting', 'polling']);
    connection.close();
  });

  it('starts the backoff over after a stream that stayed open, not after one that ends at once', async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    last().fail(networkError());
    await vi.advanceTimersByTimeAsync(1000);
    // Accepted, then ended at once (a proxy restarting): the backoff keeps growing.
    last().open();
    last().end();
    await vi.advanceTimersByTimeAsync(1999);
    expect(stream).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream).toHaveBeenCalledTimes(3);
    // Open long enough to count as stable: the next retry is the first one again.
    last().open();
    await vi.advanceTimersByTimeAsync(EVENTS_STABLE_MS);
    last().fail(networkError());
    await vi.advanceTimersByTimeAsync(1000);
    expect(stream).toHaveBeenCalledTimes(4);
    connection.close();
  });

  it('is live only once something comes through: a stream that never speaks (buffered on the way) leaves the polling on', async () => {
    const { stream, calls, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    last().accept();
    await vi.advanceTimersByTimeAsync(EVENTS_SILENCE_MS - 1);
    expect(statuses).toEqual(['connecting']);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(statuses).toEqual(['connecting', 'polling']);
    // Never live, so never stable: the waits keep growing.
    await vi.advanceTimersByTimeAsync(1000);
    last().accept();
    await vi.advanceTimersByTimeAsync(EVENTS_SILENCE_MS + 1999);
    expect(stream).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream).toHaveBeenCalledTimes(3);
    connection.close();
  });

  it('reopens a stream gone silent without an error, resuming from the last event id', async () => {
    const { stream, calls, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    last().open();
    last().emit(resync('5'));
    // Heartbeats keep it open however long it is quiet.
    for (let beats = 0; beats < 5; beats += 1) {
      // oxlint-disable-next-line no-await-in-loop -- time moves one heartbeat at a time
      await vi.advanceTimersByTimeAsync(20_000);
      last().heartbeat();
    }
    expect(stream).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(EVENTS_SILENCE_MS);
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(statuses.at(-1)).toBe('polling');
    // It had been live for long: the first wait again.
    await vi.advanceTimersByTimeAsync(1000);
    expect(stream).toHaveBeenCalledTimes(2);
    expect(last().options.lastEventId).toBe('5');
    connection.close();
  });

  it("waits at least the proxy's Retry-After (503 over its connection cap)", async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 0 });
    last().fail(new ConsoleApiError(503, 'upstream_error', 'Too many event streams', 20));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(stream).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream).toHaveBeenCalledTimes(2);
    connection.close();
  });

  it('keeps retrying a proxy without /events (404), quietly', async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, random: () => 1 });
    last().fail(new ConsoleApiError(404, 'not_found', 'Not found'));
    await vi.advanceTimersByTimeAsync(1000);
    last().fail(new ConsoleApiError(404, 'not_found', 'Not found'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(stream).toHaveBeenCalledTimes(3);
    expect(statuses).toEqual(['connecting', 'polling']);
    connection.close();
  });

  it('stops retrying after the proxy refuses the token, until the token changes', async () => {
    const { stream, last } = fakeStream();
    let token = 'expired';
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, getToken: () => token });
    last().fail(new ConsoleApiError(401, 'unauthorized', 'The token has expired'));
    await vi.advanceTimersByTimeAsync(5 * EVENTS_AUTH_CHECK_MS);
    expect(stream).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('polling');
    token = 'renewed';
    await vi.advanceTimersByTimeAsync(EVENTS_AUTH_CHECK_MS);
    expect(stream).toHaveBeenCalledTimes(2);
    connection.close();
  });

  it('tries again at once when the provider says the auth changed, and only after a refusal', async () => {
    const { stream, last } = fakeStream();
    const connection = connectEvents({ stream, onEvent: () => {}, onStatus, getToken: () => 'same' });
    connection.authChanged();
    expect(stream).toHaveBeenCalledTimes(1);
    last().fail(new ConsoleApiError(403, 'forbidden', 'No events scope'));
    await vi.advanceTimersByTimeAsync(0);
    connection.authChanged();
    expect(stream).toHaveBeenCalledTimes(2);
    connection.close();
  });

  it('closes the stream and cancels a pending retry when closed', async () => {
    const { stream, calls, last } = fakeStream();
    const first = connectEvents({ stream, onEvent: () => {}, onStatus });
    last().open();
    first.close();
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    const second = connectEvents({ stream, onEvent: () => {}, onStatus });
    last().fail(networkError());
    await vi.advanceTimersByTimeAsync(0);
    second.close();
    await vi.advanceTimersByTimeAsync(EVENTS_RETRY_MAX_MS);
    expect(stream).toHaveBeenCalledTimes(2);
  });
});

describe('eventRetryDelay', () => {
  it('doubles from 1 s to at most 30 s, less up to half of it at random', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => eventRetryDelay(attempt, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(eventRetryDelay(0, () => 0)).toBe(500);
    expect(eventRetryDelay(5, () => 0)).toBe(15_000);
  });
});
