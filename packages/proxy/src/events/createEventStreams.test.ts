import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ProxyLogger.js';
import type { ConsoleEventDraft } from '../store/eventLog/EventLog.js';
import { createMemoryEventLog } from '../store/eventLog/createMemoryEventLog.js';
import { createEventStreams } from './createEventStreams.js';

const limits = { maxConnections: 10, heartbeatMs: 60_000, maxBufferedBytes: 64 * 1024, maxReplayEvents: 100 };

const message = (messageId: number): ConsoleEventDraft => ({
  type: 'message',
  time: '2026-11-02T10:00:00.000Z',
  data: { kind: 'inbox', clientId: 1, dialogId: 2, messageId, messageType: 'from_client', text: `m${messageId}` },
});

/** Reads a stream's body chunk by chunk, as the server would write them. */
function chunks(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  return {
    next: async () => decoder.decode((await reader.read()).value),
    cancel: () => reader.cancel(),
  };
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((match) => match[1]);

describe('createEventStreams', () => {
  it('writes an event after a quiet spell at once, and events that keep coming together, one write a batch', async () => {
    const log = createMemoryEventLog();
    const streams = createEventStreams({ eventLog: async () => log, limits: { ...limits, batchMs: 200 }, logger: silentLogger });
    const body = chunks(await streams.open(null));
    expect(await body.next()).toBe(': connected\n\n');

    const append = (n: number) => log.append({ dedupeKey: `m:${n}`, hookType: 'inbox', payload: {}, event: message(n) });
    const started = performance.now();
    await append(1);
    expect(ids(await body.next())).toEqual(['1']);
    expect(performance.now() - started).toBeLessThan(150);
    // Within the batch time of the last write: held, then written in one go.
    await append(2);
    await append(3);
    await append(4);
    expect(ids(await body.next())).toEqual(['2', '3', '4']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await body.cancel();
  });

  it('gives a stream opened meanwhile only the events after it opened, and one replaying them once', async () => {
    const log = createMemoryEventLog();
    const streams = createEventStreams({ eventLog: async () => log, limits: { ...limits, batchMs: 200 }, logger: silentLogger });
    const first = chunks(await streams.open(null));
    await first.next();
    const append = (n: number) => log.append({ dedupeKey: `m:${n}`, hookType: 'inbox', payload: {}, event: message(n) });
    await append(1);
    await first.next(); // starts a batch window
    await append(2);
    const late = chunks(await streams.open(null));
    await late.next();
    const resumed = chunks(await streams.open('1'));
    await resumed.next();
    await append(3);
    expect(ids(await first.next())).toEqual(['2', '3']);
    expect(ids(await late.next())).toEqual(['3']);
    let replayed = '';
    while (ids(replayed).length < 2) replayed += await resumed.next(); // oxlint-disable-line no-await-in-loop -- chunk by chunk
    expect(ids(replayed)).toEqual(['2', '3']);
    await Promise.all([first.cancel(), late.cancel(), resumed.cancel()]);
  });
});
