/** One event of a Server-Sent Events stream, as its fields gave it. */
export interface EventStreamMessage {
  /** The `event:` field; undefined when the event had none. */
  event: string | undefined;
  /** The `data:` lines, joined with line feeds. */
  data: string;
  /** The `id:` field of this event; undefined when it had none. */
  id: string | undefined;
}

/** What {@link createEventStreamParser} calls. */
export interface EventStreamHandlers {
  onEvent: (message: EventStreamMessage) => void;
  /** Each comment line (`: heartbeat`). */
  onComment?: () => void;
}


/**
 * Parses a Server-Sent Events stream fed as text in chunks split anywhere, by the WHATWG
 * algorithm ("Interpreting an event stream"): lines end in CRLF, LF or CR; `:` starts a comment;
 * one space after a field's colon is dropped; `data:` lines join with a line feed; an empty line
 * dispatches the event when it has data; an `id:` holding NUL is ignored; `retry:` and unknown
 * fields are ignored (reconnecting is the caller's). Decode the bytes with `TextDecoder`, which
 * drops a leading byte-order mark. A few lines of our own rather than a dependency: the console's
 * browser bundle has a size budget, and only its own proxy speaks to it.
 */
export function createEventStreamParser({ onEvent, onComment }: EventStreamHandlers): (chunk: string) => void {
  let pending = '';
  /** The last chunk ended in CR: an LF starting the next one is the second half of a CRLF. */
  let afterCR = false;
  let event: string | undefined;
  let data: string | undefined;
  let id: string | undefined;

  return (chunk) => {
    // An empty chunk must not forget a CR that ended the one before.
    if (!chunk) return;
    const lines = (pending + (afterCR && chunk[0] === '\n' ? chunk.slice(1) : chunk)).split(/\r\n?|\n/);
    afterCR = chunk.endsWith('\r');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) {
        if (data !== undefined) onEvent({ event, data, id });
        event = data = id = undefined;
      } else if (line[0] === ':') {
        onComment?.();
      } else {
        // The field runs to the first colon (or is the whole line); one space after it is dropped.
        const [, field, value] = /^([^:]*):? ?(.*)$/s.exec(line) as RegExpExecArray & [string, string, string];
        if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
        else if (field === 'event') event = value;
        else if (field === 'id' && !value.includes('\0')) id = value;
      }
    }
  };
}
