import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { isWebhookDelivery, readWebhook } from './readWebhook.js';

const RECEIVED = '2026-11-02T10:00:00.000Z';
const read = (payload: Record<string, unknown>) => readWebhook(payload as { hook_type: string }, RECEIVED);

describe('readWebhook', () => {
  it('reads inbox, outbox and comment deliveries into message events keyed by message id, the client card into the index', () => {
    const inbox = read(c2d.hookInbox);
    expect(inbox).toEqual({
      hookType: 'inbox',
      dedupeKey: 'inbox:900110',
      event: {
        type: 'message',
        time: '2025-09-09T13:25:40.000Z',
        data: { kind: 'inbox', clientId: 1201, dialogId: 5501, messageId: 900110, messageType: 'from_client', text: 'Здравствуйте, когда доставка?' },
      },
      touches: { clientId: 1201, dialogId: 5501, messages: true, dialog: true, client: true },
      clients: [{ id: 1201, name: 'Айгерим Касымова', phone: '77011234567', assignedName: 'Айгерим (VIP)', lastMessageAt: '2025-09-09T13:25:40.000Z' }],
      transfer: null,
      problem: null,
    });
    expect(read(c2d.hookOutbox)).toMatchObject({
      dedupeKey: 'outbox:900111',
      event: { type: 'message', data: { kind: 'outbox', messageId: 900111, messageType: 'to_client', text: 'Завтра с 10 до 14' } },
      touches: { messages: true, dialog: true, client: false },
      clients: [],
    });
    expect(read(c2d.hookComment)).toMatchObject({ dedupeKey: 'comment:900112', event: { data: { kind: 'comment', messageType: 'comment' } } });
  });

  it('reads dialog changes: transferred (with the transfer to record, ⚠ no operator in the delivery), closed, reopened', () => {
    const transferred = read(c2d.hookDialogTransferred);
    expect(transferred).toMatchObject({
      dedupeKey: 'dialog_transferred:5501:1201:-:2025-09-09T13:30:00Z',
      event: { type: 'dialog', time: '2025-09-09T13:30:00.000Z', data: { change: 'transferred', dialogId: 5501, clientId: 1201, operatorId: null } },
      touches: { dialogId: 5501, dialog: true, messages: true },
      transfer: { dialogId: 5501, clientId: 1201, toOperatorId: null, fromOperatorId: undefined, created: '2025-09-09T13:30:00.000Z' },
    });
    // When a delivery does name them, they are taken (from_operator_id only when present at all).
    expect(read({ ...c2d.hookDialogTransferred, to_operator_id: 101, from_operator_id: null }).transfer).toMatchObject({ toOperatorId: 101, fromOperatorId: null });
    expect(read(c2d.hookCloseDialog).event).toEqual({
      type: 'dialog',
      time: '2025-09-09T14:00:00.000Z',
      data: { change: 'closed', dialogId: 5501, clientId: 1201, operatorId: 102 },
    });
    expect(read({ hook_type: 'new_request', dialog_id: 5501, client_id: 1201, request_id: 88002, event_time: '2025-09-09T15:00:00Z' })).toMatchObject({
      dedupeKey: 'new_request:5501:1201:88002:2025-09-09T15:00:00Z',
      event: { data: { change: 'reopened', dialogId: 5501 } },
    });
  });

  it('reads new and updated clients into client events and index entries', () => {
    expect(read(c2d.hookNewClient)).toMatchObject({
      event: { type: 'client', data: { change: 'new', clientId: 1299 } },
      clients: [{ id: 1299, name: 'Ерлан', phone: '77071112233', assignedName: null }],
      touches: { clientId: 1299, client: true, messages: false },
    });
    expect(read(c2d.hookClientUpdated)).toMatchObject({
      event: { data: { change: 'updated', clientId: 1201 } },
      clients: [{ id: 1201, assignedName: 'Айгерим (VIP, Алматы)' }],
    });
    // A tag changes the card, but says nothing about the name: no index change.
    expect(read({ hook_type: 'add_tag_to_client', client_id: 1201, tag_id: 7, event_time: '2025-09-09T15:00:00Z' })).toMatchObject({
      event: { data: { change: 'updated', clientId: 1201 } },
      clients: [],
    });
  });

  it('keeps an unknown hook type without an event, keyed by its time, and one without a time for a digest', () => {
    expect(read(c2d.hookUnknown)).toEqual({
      hookType: 'ticket_updated',
      dedupeKey: 'ticket_updated:-:-:-:2025-09-09T14:07:00Z',
      event: null,
      touches: { clientId: null, dialogId: null, messages: false, client: false, dialog: false },
      clients: [],
      transfer: null,
      problem: null,
    });
    expect(read({ hook_type: 'something_new' }).dedupeKey).toBeNull();
  });

  it('is lenient: ids as strings are read, a field of the wrong type counts as absent, a missing one is reported, never thrown', () => {
    expect(read({ ...c2d.hookInbox, message_id: '900110', client_id: '1201', dialog_id: { nested: true }, text: 42, event_time: 'yesterday' })).toMatchObject({
      dedupeKey: 'inbox:900110',
      event: { time: RECEIVED, data: { clientId: 1201, dialogId: null, messageId: 900110, text: '' } },
    });
    const broken = read({ hook_type: 'inbox', text: 'hi', event_time: '2025-09-09T13:25:40Z' });
    expect(broken).toMatchObject({ event: null, clients: [], problem: 'inbox without message_id, client_id: stored, no event' });
    expect(read({ hook_type: 'close_dialog', event_time: '2025-09-09T13:25:40Z' }).problem).toBe('close_dialog without dialog_id: stored, no event');
  });

  it('tells a delivery (a JSON object with a hook_type) from anything else', () => {
    expect(isWebhookDelivery(c2d.hookInbox)).toBe(true);
    for (const payload of [null, [], 'inbox', { hook_type: '' }, { hook_type: 7 }, { type: 'inbox' }]) expect(isWebhookDelivery(payload)).toBe(false);
  });
});
