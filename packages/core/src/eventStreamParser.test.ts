import { describe, expect, it } from 'vitest';
import { createEventStreamParser, type EventStreamMessage } from './eventStreamParser.js';

/** Feeds `chunks` to a new parser; returns what it heard, comments as `':'`. */
function parse(chunks: string[]): Array<EventStreamMessage | ':'> {
  const heard: Array<EventStreamMessage | ':'> = [];
  const feed = createEventStreamParser({ onEvent: (message) => heard.push(message), onComment: () => heard.push(':') });
  for (const chunk of chunks) feed(chunk);
  return heard;
}

/** Every way of splitting `text` in two. */
const splits = (text: string) => Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);

describe('createEventStreamParser', () => {
  it('reads an event whatever its line ends, and wherever the chunks split it (a CRLF too)', () => {
    const event = { event: 'message', data: '{"a":1}', id: '7' };
    for (const end of ['\n', '\r\n', '\r']) {
      const wire = `id: 7${end}event: message${end}data: {"a":1}${end}${end}`;
      for (const chunks of splits(wire)) expect(parse(chunks)).toEqual([event]);
    }
  });

  it('joins data lines with line feeds, and dispatches only an event with data', () => {
    expect(parse(['event: x\n\ndata: one\ndata:two\ndata\n\ndata:\n\n'])).toEqual([
      { event: undefined, data: 'one\ntwo\n', id: undefined },
      { event: undefined, data: '', id: undefined },
    ]);
  });

  it('drops one space after the colon, no more, and forgets the fields after each event', () => {
    expect(parse(['event:  spaced\nid: 1\ndata: a\n\ndata: b\n\n'])).toEqual([
      { event: ' spaced', data: 'a', id: '1' },
      { event: undefined, data: 'b', id: undefined },
    ]);
  });

  it('tells comments apart, and ignores retry, unknown fields and an id holding NUL', () => {
    expect(parse([': hi\nretry: 10\nfoo: bar\nid: a\0b\ndata: x\n\n:\n'])).toEqual([':', { event: undefined, data: 'x', id: undefined }, ':']);
  });

  it('leaves an event without its closing empty line undispatched', () => {
    expect(parse(['data: cut off\n'])).toEqual([]);
  });
});
