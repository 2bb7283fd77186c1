import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../store/createMemoryStores.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { createConsoleWrites, ECHO_WINDOW_MS } from './createConsoleWrites.js';

function setup() {
  let now = 1_000_000;
  const stores = createMemoryStores();
  const invalidated: string[] = [];
  const errors: string[] = [];
  const upstream = { invalidate: async (prefix: string) => void invalidated.push(prefix) } as unknown as UpstreamClient;
  const writes = createConsoleWrites({ stores: async () => stores, upstream, logger: { info: () => {}, error: (line) => errors.push(line) }, now: () => now });
  return { writes, stores, invalidated, errors, advance: (ms: number) => (now += ms) };
}

const dialog = (id: number) => ({ clientId: 1201, dialogId: id });

describe('createConsoleWrites', () => {
  it('takes each expected echo once, by hook type and the dialog or client it names', () => {
    const { writes } = setup();
    writes.expect([{ hookType: 'close_dialog', id: 5501 }, { hookType: 'add_tag_to_client', id: 1201, count: 2 }]);
    expect(writes.takeEcho('close_dialog', dialog(5502))).toBe(false);
    expect(writes.takeEcho('dialog_transferred', dialog(5501))).toBe(false);
    expect(writes.takeEcho('close_dialog', dialog(5501))).toBe(true);
    expect(writes.takeEcho('close_dialog', dialog(5501))).toBe(false);
    // Client hooks are matched by the client, whatever dialog they name.
    expect(writes.takeEcho('add_tag_to_client', { clientId: 1201, dialogId: null })).toBe(true);
    expect(writes.takeEcho('add_tag_to_client', { clientId: 1201, dialogId: 9 })).toBe(true);
    expect(writes.takeEcho('add_tag_to_client', { clientId: 1201, dialogId: null })).toBe(false);
  });

  it('forgets the echoes of a write that failed, and those that never came within the window', () => {
    const { writes, advance } = setup();
    const cancel = writes.expect([{ hookType: 'close_dialog', id: 1 }]);
    writes.expect([{ hookType: 'close_dialog', id: 2 }]);
    cancel();
    expect(writes.takeEcho('close_dialog', dialog(1))).toBe(false);
    advance(ECHO_WINDOW_MS + 1);
    expect(writes.takeEcho('close_dialog', dialog(2))).toBe(false);
  });

  it('cancels only its own echo when two writes expect the same one', () => {
    const { writes } = setup();
    const first = writes.expect([{ hookType: 'dialog_transferred', id: 5501 }]);
    writes.expect([{ hookType: 'dialog_transferred', id: 5501 }]);
    first();
    expect(writes.takeEcho('dialog_transferred', dialog(5501))).toBe(true);
    expect(writes.takeEcho('dialog_transferred', dialog(5501))).toBe(false);
  });

  it('drops the stale cache, then logs the events in order, once per dedupe key', async () => {
    const { writes, stores, invalidated } = setup();
    const write = {
      dedupeKey: 'write:transfer:5501:a',
      touches: { clientId: 1201, dialogId: 5501, messages: true, client: false, dialog: true },
      events: [
        { type: 'dialog' as const, time: '2026-11-03T12:00:00.000Z', data: { change: 'closed' as const, dialogId: 5501, clientId: 1201, operatorId: 101 } },
        { type: 'client' as const, time: '2026-11-03T12:00:00.000Z', data: { change: 'updated' as const, clientId: 1201 } },
      ],
      payload: { write: 'close' },
    };
    await writes.announce(write);
    await writes.announce(write);
    expect(invalidated).toEqual(['/v1/messages?client_id=1201&', '/v1/dialogs/5501', '/v1/dialogs?', '/v1/messages?client_id=1201&', '/v1/dialogs/5501', '/v1/dialogs?']);
    const { events } = await stores.eventLog.readAfter(null, 10);
    expect(events.map((e) => e.type)).toEqual(['dialog', 'client']);
  });

  it('logs, rather than throws, when the write cannot be told', async () => {
    const { writes, stores, errors } = setup();
    await stores.close();
    await writes.announce({ dedupeKey: 'k', touches: { clientId: null, dialogId: null, messages: false, client: false, dialog: false }, events: [], payload: {} });
    await expect(
      writes.announce({ dedupeKey: 'k2', touches: { clientId: 1, dialogId: null, messages: false, client: true, dialog: false }, events: [{ type: 'client', time: 't', data: { change: 'updated', clientId: 1 } }], payload: {} }),
    ).resolves.toBeUndefined();
    expect(errors.some((line) => line.includes('a write was made but could not be announced'))).toBe(true);
  });
});
