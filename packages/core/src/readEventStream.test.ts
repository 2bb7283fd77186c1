import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from './events.js';
import { readEventStream } from './readEventStream.js';

/** A body that delivers `chunks` one by one, as a network would split them. */
function bodyOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const message = (id: string, text: string) =>
  `id: ${id}\nevent: message\ndata: ${JSON.stringify({ id, type: 'message', time: '2025-09-09T13:25:40.000Z', data: { kind: 'inbox', clientId: 1, dialogId: 2, messageId: 3, messageType: 'from_client', text } })}\n\n`;

describe('readEventStream', () => {
  it('reads events split anywhere across chunks, in order, skipping heartbeats', async () => {
    const wire = `: heartbeat\n\n${message('41', 'привет')}${message('42', 'second')}`;
    const chunks = [wire.slice(0, 7), wire.slice(7, 60), wire.slice(60, 61), wire.slice(61)];
    const seen: ConsoleEvent[] = [];
    await readEventStream(bodyOf(chunks), (event) => seen.push(event));
    expect(seen.map((e) => [e.id, e.type])).toEqual([
      ['41', 'message'],
      ['42', 'message'],
    ]);
    expect(seen[0]).toMatchObject({ data: { text: 'привет', clientId: 1 } });
  });

  it('tells each heartbeat comment apart from the events', async () => {
    const heard: string[] = [];
    await readEventStream(
      bodyOf([': connected\n\n', message('1', 'hi'), ': heartbeat\n\n']),
      (event) => heard.push(`event ${event.id}`),
      undefined,
      () => heard.push('heartbeat'),
    );
    expect(heard).toEqual(['heartbeat', 'event 1', 'heartbeat']);
  });

  it("takes the id and type from the SSE fields, not from the data's copy", async () => {
    const wire = `id: 7\nevent: client\ndata: {"id":"999","type":"message","time":"t","data":{"change":"new","clientId":5}}\n\n`;
    const seen: ConsoleEvent[] = [];
    await readEventStream(bodyOf([wire]), (event) => seen.push(event));
    expect(seen).toEqual([{ id: '7', type: 'client', time: 't', data: { change: 'new', clientId: 5 } }]);
  });

  it('skips unknown event types and malformed data without ending the stream', async () => {
    const wire = `id: 1\nevent: future-thing\ndata: {}\n\nid: 2\nevent: message\ndata: not json\n\n${message('3', 'ok')}`;
    const seen: string[] = [];
    await readEventStream(bodyOf([wire]), (event) => seen.push(event.id));
    expect(seen).toEqual(['3']);
  });

  it('rejects when aborted mid-stream', async () => {
    const controller = new AbortController();
    const endless = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode(message('1', 'first')));
      },
    });
    const seen: string[] = [];
    const reading = readEventStream(endless, (event) => {
      seen.push(event.id);
      controller.abort(new Error('unmounted'));
    }, controller.signal);
    await expect(reading).rejects.toThrow('unmounted');
    expect(seen).toEqual(['1']);
  });
});
