import type { Client, Dialog, Message, Operator } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { isProxyError } from '../ProxyError.js';
import {
  mapApiInfo,
  mapChannelNames,
  mapClient,
  mapClientList,
  mapClientTransports,
  mapDialog,
  mapDialogList,
  mapMessageList,
  mapOperatorGroupList,
  mapOperatorList,
  mapSendResult,
  mapTagList,
  mapTemplateList,
  clientUpdateBody,
  dialogUpdateBody,
  sendMessageBody,
  tagAssignBody,
  toClientChannels,
} from './mappers.js';

// The mappers read the contract fixtures: Chat2Desk's real answers, one per endpoint
// (test/fixtures/chat2desk, sources in each file). The routes' tests read the same answers
// over HTTP; these pin every field.

const messages = mapMessageList(c2d.messagesList).data;
const byId = (id: number): Message => {
  const message = messages.find((m) => m.id === id);
  if (!message) throw new Error(`fixture message ${id} missing`);
  return message;
};

describe('clients', () => {
  it('maps a current client: "… UTC" times, "" as null, the extra fields Chat2Desk adds left out', () => {
    expect(mapClient(c2d.clientItem)).toEqual({
      id: 1201,
      name: 'Айгерим Касымова',
      phone: '77011234567',
      assignedName: 'Айгерим (VIP)',
      comment: 'prefers WhatsApp',
      avatar: 'https://cdn.chat2desk.com/avatars/1201.jpg',
      regionId: 2,
      countryId: 7,
      firstClientMessage: '2025-09-01T08:00:00.000Z',
      lastClientMessage: '2025-09-09T13:20:25.000Z',
      extraComment1: 'Lead #4411',
      extraComment2: null,
      extraComment3: null,
      externalId: 'CRM-1201',
      tags: [{ id: 77, label: 'VIP', groupId: 5, groupName: 'Segment', description: null }],
      customFields: { '12': 'Gold', '13': null },
    } satisfies Client);
  });

  it('maps an older client: dd.MM.yyyy times, and the list paging', () => {
    const list = mapClientList(c2d.clientsList);
    expect(list.meta).toEqual({ total: 12480, limit: 2, offset: 0 });
    // Chat2Desk writes an empty custom_fields as [] (PHP's empty array): no fields.
    expect(list.data[1]).toMatchObject({ id: 1202, firstClientMessage: '2021-03-02T09:15:00.000Z', lastClientMessage: '2025-09-09T13:20:25.000Z', externalId: null, tags: [], customFields: {} });
  });
});

describe('a client’s channels (⚠ transports arrays, names from /v1/channels)', () => {
  it('flattens one entry per channel and transport, named from the account’s channels', () => {
    const transports = mapClientTransports(c2d.clientTransport);
    expect(transports).toEqual([
      { channelId: 3, transports: ['whatsapp', 'telegram'] },
      { channelId: 1, transports: ['sms'] },
    ]);
    expect(toClientChannels(transports, mapChannelNames(c2d.channelsList))).toEqual([
      { channelId: 3, transport: 'whatsapp', name: 'Москва — support' },
      { channelId: 3, transport: 'telegram', name: 'Москва — support' },
      { channelId: 1, transport: 'sms', name: 'Алматы — продажи' },
    ]);
  });

  it('leaves a name null when the channel is unknown, and labels a nameless channel by its phone', () => {
    const names = mapChannelNames({ status: 'success', data: [{ id: 3, name: '', phone: '74951112233', transports: [] }] });
    expect(toClientChannels(mapClientTransports(c2d.clientTransport), names).map((c) => c.name)).toEqual(['74951112233', '74951112233', null]);
  });
});

describe('messages (⚠ unknown types, every kind of media)', () => {
  it('maps a page holding one of each kind, never failing on the unknown type', () => {
    const list = mapMessageList(c2d.messagesList);
    expect(list.meta).toEqual({ total: 8, limit: 8, offset: 0 });
    expect(list.data.map((m) => [m.id, m.type, m.rawType])).toEqual([
      [900108, 'from_client', 'from_client'],
      [900107, 'to_client', 'to_client'],
      [900106, 'comment', 'comment'],
      [900105, 'from_client', 'from_client'],
      [900104, 'from_client', 'from_client'],
      [900103, 'from_client', 'from_client'],
      [900102, 'system', 'interactive'],
      [900101, 'system', 'system'],
    ]);
  });

  it('maps every field of a client’s photo message, "0" as unread', () => {
    expect(byId(900108)).toEqual({
      id: 900108,
      text: 'Вот фото чека',
      type: 'from_client',
      rawType: 'from_client',
      transport: 'whatsapp',
      channelId: 3,
      operatorId: null,
      dialogId: 5501,
      clientId: 1201,
      created: '2025-09-09T13:20:25.000Z',
      read: false,
      attachments: [{ url: 'https://cdn.chat2desk.com/photos/900108.jpg', kind: 'photo', name: null }],
      location: null,
    } satisfies Message);
  });

  it('maps pdf, audio, video and attachments[] to attachment kinds, and coordinates to a location', () => {
    expect(byId(900107).attachments).toEqual([{ url: 'https://cdn.chat2desk.com/files/invoice-4411.pdf', kind: 'pdf', name: null }]);
    expect(byId(900105).attachments).toEqual([{ url: 'https://cdn.chat2desk.com/audio/900105.ogg', kind: 'audio', name: null }]);
    expect(byId(900104).attachments).toEqual([
      { url: 'https://cdn.chat2desk.com/video/900104.mp4', kind: 'video', name: null },
      { url: 'https://cdn.chat2desk.com/files/contract.docx', kind: 'file', name: 'contract.docx' },
      { url: 'https://cdn.chat2desk.com/files/scan.png', kind: 'file', name: null },
    ]);
    expect(byId(900103)).toMatchObject({ text: '', attachments: [], location: { latitude: 43.238949, longitude: 76.889709 } });
    expect(byId(900108).location).toBeNull();
  });

  it('keeps an internal note distinct from a message to the client', () => {
    expect(byId(900106)).toMatchObject({ type: 'comment', rawType: 'comment', operatorId: 101, read: true });
  });

  it('reads the older time format and a system message without a channel', () => {
    expect(byId(900101)).toMatchObject({ created: '2025-09-09T13:12:00.000Z', channelId: null, transport: 'system', read: false });
  });

  it('reads unreadable coordinates as no location rather than failing the page', () => {
    const odd = { ...c2d.messagesList, data: [{ ...c2d.messageLocation, coordinates: 'somewhere' }, { ...c2d.messageLocation, id: 1, coordinates: '91,10' }] };
    expect(mapMessageList(odd).data.map((m) => m.location)).toEqual([null, null]);
  });
});

describe('dialogs (⚠ last_message is a whole message; no top-level client_id)', () => {
  it('takes the client and the last message from last_message, and a string messages count', () => {
    expect(mapDialog(c2d.dialogItem)).toEqual({
      id: 5501,
      state: 'open',
      begin: '2025-09-01T08:00:00.000Z',
      end: null,
      operatorId: 101,
      clientId: 1201,
      lastMessage: byId(900108),
      lastMessageAt: '2025-09-09T13:20:25.000Z',
      messagesCount: 12,
    } satisfies Dialog);
  });

  it('maps a closed dialog in the older time format with a numeric count', () => {
    const [, closed] = mapDialogList(c2d.dialogsList).data;
    expect(closed).toMatchObject({ id: 5502, state: 'closed', begin: '2025-09-01T10:00:00.000Z', end: '2025-09-09T13:12:00.000Z', clientId: 1202, messagesCount: 4 });
    expect(closed?.lastMessage).toMatchObject({ id: 900101, dialogId: 5502, clientId: 1202 });
  });

  it('answers a dialog without messages with no client and no last message', () => {
    const empty = mapDialog({ status: 'success', data: { ...c2d.dialogOpen, last_message: null, messages: 0 } });
    expect(empty).toMatchObject({ clientId: null, lastMessage: null, lastMessageAt: null, messagesCount: 0 });
  });
});

describe('operators, sends and the account', () => {
  it('maps operators, with role "operator" where the 2026 role model leaves it out', () => {
    expect(mapOperatorList(c2d.operatorsList).data).toEqual([
      { id: 101, email: 'ivan@example.kz', firstName: 'Иван', lastName: 'Петров', role: 'operator', online: true, openedDialogs: 7 },
      { id: 102, email: 'anna@example.kz', firstName: 'Anna', lastName: null, role: 'operator', online: false, openedDialogs: 0 },
    ] satisfies Operator[]);
  });

  it('maps the send result and builds the send body, attributed to an operator when known', () => {
    expect(mapSendResult(c2d.sendResult)).toEqual({ messageId: 900109, dialogId: 5501, requestId: 88001, channelId: 3, transport: 'whatsapp' });
    expect(sendMessageBody({ clientId: 1201, text: 'hi', channelId: 3 })).toEqual({ client_id: 1201, text: 'hi', type: 'to_client', channel_id: 3 });
    expect(sendMessageBody({ clientId: 1201, text: 'hi', transport: 'telegram' }, 102)).toEqual({
      client_id: 1201,
      text: 'hi',
      type: 'to_client',
      transport: 'telegram',
      operator_id: 102,
    });
  });

  it('reads the month’s API use from the account info', () => {
    expect(mapApiInfo(c2d.apiInfo)).toEqual({ requestsThisMonth: 18234 });
    expect(mapApiInfo({ status: 'success', data: { company_name: 'x' } })).toEqual({});
  });
});

describe('the operator’s work: lookups and the bodies of its writes', () => {
  it('maps operator groups (no meta in the answer), quick replies and tags', () => {
    expect(mapOperatorGroupList(c2d.operatorGroupsList)).toEqual({
      data: [
        { id: 11, name: 'Продажи', operatorIds: [101, 102] },
        { id: 12, name: 'Support', operatorIds: [102] },
      ],
      meta: {},
    });
    // ⚠ A template without a name is known by its command.
    expect(mapTemplateList(c2d.templatesList).data).toEqual([
      { id: 31, title: 'Приветствие', text: 'Здравствуйте! Чем могу помочь?' },
      { id: 32, title: 'price', text: 'Прайс-лист во вложении, цены действуют до конца месяца.' },
    ]);
    expect(mapTagList(c2d.tagsList)).toEqual({
      data: [
        { id: 77, label: 'VIP', groupId: 5, groupName: 'Segment', description: null },
        { id: 78, label: 'Новый', groupId: 5, groupName: 'Segment', description: 'Первое обращение' },
      ],
      meta: { total: 2, limit: 20, offset: 0 },
    });
  });

  it('builds a note and a send with a file', () => {
    expect(sendMessageBody({ clientId: 1201, text: 'note', type: 'comment' }, 101)).toEqual({ client_id: 1201, text: 'note', type: 'comment', operator_id: 101 });
    expect(sendMessageBody({ clientId: 1201, text: 'file', attachment: { url: 'https://x.test/a.pdf', filename: 'Счёт.pdf' } })).toEqual({
      client_id: 1201,
      text: 'file',
      type: 'to_client',
      attachment: 'https://x.test/a.pdf',
      attachment_filename: 'Счёт.pdf',
    });
  });

  it('builds PUT /v1/dialogs/{id}: a transfer (forced or not) or a state, by the initiator when known', () => {
    expect(dialogUpdateBody({ operatorId: 102 })).toEqual({ operator_id: 102 });
    expect(dialogUpdateBody({ operatorId: 102, force: true }, 101)).toEqual({ operator_id: 102, force_assign: true, initiator_id: 101 });
    expect(dialogUpdateBody({ state: 'closed' }, 101)).toEqual({ state: 'closed', initiator_id: 101 });
  });

  it('builds ⚠ PUT /v1/clients/{id} from the fields given only (the name as nickname), and ⚠ assign_to', () => {
    expect(clientUpdateBody({ name: 'Айгерим', comment: '', extraComment2: 'x' })).toEqual({ nickname: 'Айгерим', comment: '', extra_comment_2: 'x' });
    expect(clientUpdateBody({ extraComment1: 'a', extraComment3: 'c' })).toEqual({ extra_comment_1: 'a', extra_comment_3: 'c' });
    expect(tagAssignBody(1201, [77, 78])).toEqual({ tag_ids: [77, 78], assignee_type: 'client', assignee_id: 1201 });
  });
});

describe('answers in an unexpected shape', () => {
  it('throw a 502 upstream_error naming the field', () => {
    const bad = { ...c2d.dialogItem, data: { ...c2d.dialogOpen, last_message: { ...c2d.messageComment, client_id: 'someone' } } };
    let thrown: unknown;
    try {
      mapDialog(bad);
    } catch (error) {
      thrown = error;
    }
    expect(isProxyError(thrown) && thrown.status).toBe(502);
    expect((thrown as Error).message).toMatch(/a dialog in an unexpected shape \(data\.last_message\.client_id/);
  });
});
