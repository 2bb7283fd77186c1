import type { ClientChannel, InboxDialog, Message, Transfer } from '@c2d-console/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { makeClient, makeInboxDialog, makeMessages, makeTransfers } from './fixtures.js';

/**
 * Content that widens a careless layout: long unbroken strings, for stories and tests that check
 * every widget fits its container.
 */

/** A 120-character link without a single break opportunity before its end. */
export const LONG_URL: string = `https://crm.example.kz/leads/2026/${'a1b2c3d4e5'.repeat(8)}?utm=side_panel`.slice(0, 120);
/** A phone number with a long extension, no spaces (longer than any real one, on purpose). */
export const LONG_PHONE = '+7701123456789012345678901234567';
/** Forty emoji in a row. */
export const EMOJI_RUN: string = '🙂🎉📦🚚'.repeat(10);
/** A long name with a long hyphenated surname. */
export const LONG_NAME = 'Александра Константиновна Преображенская-Многоименная-Заозёрская, отдел оптовых закупок';
/** One word longer than any narrow panel. */
export const LONG_WORD = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzen';

/** The client every long-content story shows: id 1001, with the long strings in every field. */
export const LONG_CLIENT_ID = 1001;

/** Clients with a long name, a URL for a name, an emoji name, a long phone and a long word. */
export const longClients = [
  makeClient(0, { name: LONG_NAME, assignedName: null }),
  makeClient(1, { name: LONG_URL, assignedName: null, phone: LONG_PHONE.slice(1) }),
  makeClient(2, { name: EMOJI_RUN, assignedName: null }),
  makeClient(3, { name: null, assignedName: null, phone: LONG_PHONE.slice(1) }),
  makeClient(4, { name: LONG_WORD, assignedName: null }),
  makeClient(5),
];

const TEXTS = [
  `Ссылка на заказ: ${LONG_URL}`,
  `Перезвоните мне: ${LONG_PHONE}`,
  EMOJI_RUN,
  LONG_WORD,
  `${LONG_NAME}: ${LONG_URL}`,
];

/** Messages of {@link LONG_CLIENT_ID}, newest first, each holding one long string. */
export const longMessages: Message[] = makeMessages(LONG_CLIENT_ID, 10).map((message, index) => ({
  ...message,
  text: TEXTS[index % TEXTS.length] ?? message.text,
}));

/** Transfers between operators with long names, for reasons that hold a link. */
export const longTransfers: Transfer[] = makeTransfers(LONG_CLIENT_ID, 3).map((transfer, index) => ({
  ...transfer,
  fromOperatorName: index === 2 ? null : LONG_NAME,
  toOperatorName: index === 1 ? LONG_WORD : LONG_NAME,
  reason: index === 0 ? `Эскалация: ${LONG_URL}` : EMOJI_RUN,
}));

/** Open dialogs of {@link longClients}, each last message holding one long string. */
export const longDialogs: InboxDialog[] = longClients.map((client, index) => {
  const dialog = makeInboxDialog(client, index);
  const text = TEXTS[index % TEXTS.length] ?? '';
  return { ...dialog, state: 'open', operatorId: 1, lastMessage: dialog.lastMessage && { ...dialog.lastMessage, text } };
});

/** Two channels with long names, so the picker shows. */
export const longChannels: ClientChannel[] = [
  { channelId: 1, transport: 'whatsapp', name: `${LONG_PHONE} · отдел оптовых продаж и логистики, Алматы` },
  { channelId: 2, transport: 'telegram', name: `@${LONG_WORD}` },
];

/** The error message a failed send answers: names a long link. */
export const LONG_ERROR = `Chat2Desk refused the message: see ${LONG_URL}`;

const list = <T>(items: T[]) => HttpResponse.json({ data: items, meta: { total: items.length, limit: 200, offset: 0 } });

/**
 * msw handlers serving the long content (put them before `createConsoleHandlers()`, which
 * answers everything else): the clients, and the messages, transfers and channels of
 * {@link LONG_CLIENT_ID}, the dialogs of the clients; sending fails with {@link LONG_ERROR}.
 */
export function longContentHandlers(baseUrl = '/api'): HttpHandler[] {
  return [
    http.get(`${baseUrl}/clients`, () => list(longClients)),
    http.get(`${baseUrl}/clients/:id/messages`, () => list(longMessages)),
    http.get(`${baseUrl}/clients/:id/channels`, () => HttpResponse.json({ data: longChannels })),
    http.get(`${baseUrl}/transfers`, () => list(longTransfers)),
    http.get(`${baseUrl}/dialogs`, () => list(longDialogs)),
    http.post(`${baseUrl}/messages`, () =>
      HttpResponse.json({ error: { code: 'upstream_error', message: LONG_ERROR } }, { status: 502 }),
    ),
  ];
}
