import type { Client, ClientChannel, InboxDialog, Message, Operator, OperatorGroup, Tag, Template, Transfer } from '@c2d-console/core';

/**
 * Deterministic fixture data for tests and stories (one module, shared by both). Data is
 * generated from the index, so `makeClients(10_000)` is cheap and always the same.
 */

const FIRST = ['Айгерим', 'Нурлан', 'Анна', 'Дмитрий', 'Olivia', 'James', 'Асель', 'Ерлан', 'Мария', 'Sofia'];
const LAST = ['Касымова', 'Жумабаев', 'Иванова', 'Петров', 'Smith', 'Brown', 'Омарова', 'Сериков', 'Кузнецова', 'Garcia'];

/** A fixed "now" for fixtures: 2026-11-01T12:00:00Z. */
export const FIXTURE_NOW: number = Date.UTC(2026, 10, 1, 12, 0, 0);

const minutesAgo = (minutes: number) => new Date(FIXTURE_NOW - minutes * 60_000).toISOString();

/** The client at position `index` (0-based) of the fixture list; ids start at 1000. */
export function makeClient(index: number, overrides: Partial<Client> = {}): Client {
  const first = FIRST[index % FIRST.length] ?? 'Client';
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] ?? '';
  return {
    id: 1000 + index,
    name: `${first} ${last}`,
    phone: `7701${String(1_000_000 + index * 7).slice(-7)}`,
    assignedName: index % 11 === 0 ? `${first} (VIP)` : null,
    comment: null,
    avatar: null,
    regionId: null,
    countryId: 7,
    firstClientMessage: minutesAgo(60 * 24 * 30 + index),
    lastClientMessage: minutesAgo(index * 13),
    extraComment1: null,
    extraComment2: null,
    extraComment3: null,
    externalId: index % 3 === 0 ? `CRM-${index}` : null,
    tags: index % 5 === 0 ? [{ id: 77, label: 'VIP', groupId: 5, groupName: 'Segment', description: null }] : [],
    customFields: {},
    ...overrides,
  };
}

/** `count` clients, newest first. */
export function makeClients(count: number): Client[] {
  return Array.from({ length: count }, (_, index) => makeClient(index));
}

/** Operators of the fixture account. */
export const fixtureOperators: Operator[] = [
  { id: 1, email: 'aliya@example.kz', firstName: 'Алия', lastName: 'Нурпеисова', role: 'supervisor', online: true, openedDialogs: 4 },
  { id: 2, email: 'max@example.com', firstName: 'Max', lastName: 'Turner', role: 'operator', online: true, openedDialogs: 7 },
  { id: 3, email: 'oleg@example.ru', firstName: 'Олег', lastName: 'Смирнов', role: 'operator', online: false, openedDialogs: 0 },
];

const operatorName = (id: number | null) => {
  const op = fixtureOperators.find((o) => o.id === id);
  return op ? `${op.firstName} ${op.lastName}` : null;
};

/** The dialog id the fixtures give a client. */
export const dialogIdOf = (clientId: number): number => clientId + 50_000;

const TEXTS: Array<[Message['type'], string]> = [
  ['from_client', 'Здравствуйте! Где мой заказ?'],
  ['autoreply', 'Спасибо за обращение, оператор скоро ответит.'],
  ['to_client', 'Добрый день! Заказ уже в пути, будет завтра.'],
  ['from_client', 'Thanks! Can I change the delivery address?'],
  ['system', 'Диалог передан оператору Max Turner'],
  ['to_client', 'Of course, please send the new address.'],
  ['comment', 'Клиент постоянный, предложить скидку'],
];

/** `count` messages of a client, newest first (as the proxy answers). */
export function makeMessages(clientId: number, count: number): Message[] {
  return Array.from({ length: count }, (_, index) => {
    const [type, text] = TEXTS[index % TEXTS.length] ?? ['system', ''];
    return {
      id: clientId * 1000 + (count - index),
      text: index < TEXTS.length ? text : `${text} (#${count - index})`,
      type,
      rawType: type,
      transport: index % 2 ? 'telegram' : 'whatsapp',
      channelId: index % 2 ? 2 : 1,
      operatorId: type === 'to_client' ? 2 : null,
      dialogId: dialogIdOf(clientId),
      clientId,
      created: minutesAgo(index * 7),
      read: true,
      attachments: [],
      location: null,
    };
  });
}

/** Transfers of a client's dialog, newest first. */
export function makeTransfers(clientId: number, count = 3): Transfer[] {
  const reasons = ['Escalated to supervisor', null, 'Передан в отдел продаж'];
  return Array.from({ length: count }, (_, index) => {
    const from = index === count - 1 ? null : ((index + 1) % 3) + 1;
    const to = (index % 3) + 1;
    return {
      id: clientId * 10 + (count - index),
      dialogId: dialogIdOf(clientId),
      clientId,
      fromOperatorId: from,
      toOperatorId: to,
      fromOperatorName: operatorName(from),
      toOperatorName: operatorName(to),
      created: minutesAgo(index * 95 + 3),
      reason: reasons[index % reasons.length] ?? null,
    };
  });
}

/** Channels a client can be reached through: two for even ids, one for odd. */
export function makeChannels(clientId: number): ClientChannel[] {
  const channels: ClientChannel[] = [{ channelId: 1, transport: 'whatsapp', name: '+7 701 000 00 01' }];
  if (clientId % 2 === 0) channels.push({ channelId: 2, transport: 'telegram', name: '@shop_bot' });
  return channels;
}

/** Operator groups of the fixture account. */
export const fixtureGroups: OperatorGroup[] = [
  { id: 10, name: 'Продажи', operatorIds: [1, 2] },
  { id: 11, name: 'Support', operatorIds: [2, 3] },
];

/** Quick replies of the fixture account. */
export const fixtureTemplates: Template[] = [
  { id: 1, title: 'Приветствие', text: 'Здравствуйте! Чем могу помочь?' },
  { id: 2, title: 'Доставка', text: 'Доставка занимает 1–3 рабочих дня, номер для отслеживания придёт по SMS.' },
  { id: 3, title: 'Thanks', text: 'Thank you for your order! We will be in touch shortly.' },
  { id: 4, title: 'Address', text: 'Please send the delivery address with the flat number and a contact phone.' },
  { id: 5, title: null, text: 'Оператор скоро вернётся с ответом.' },
];

/** Tags of the fixture account (77, VIP, is on every fifth client). */
export const fixtureTags: Tag[] = [
  { id: 77, label: 'VIP', groupId: 5, groupName: 'Segment', description: null },
  { id: 78, label: 'Опт', groupId: 5, groupName: 'Segment', description: 'Оптовый покупатель' },
  { id: 79, label: 'New', groupId: null, groupName: null, description: null },
  { id: 80, label: 'Жалоба', groupId: 6, groupName: 'Обращения', description: null },
  { id: 81, label: 'Delivery', groupId: 6, groupName: 'Обращения', description: null },
];

/** Whether the fixture client at `index` has a dialog: every 13th has none (never wrote through a channel). */
export const hasDialog = (index: number): boolean => index % 13 !== 12;

const LAST_TEXTS = [
  'Здравствуйте! Где мой заказ?',
  'Can I change the delivery address?',
  'Спасибо, всё получил 👍',
  'Is the blue one still in stock? I would need two of them by Friday.',
  'Перезвоните мне, пожалуйста',
];

/**
 * The current dialog of the fixture client at `index`: open, except every fourth; held by
 * operators 1, 2 and 3 in turn, unassigned every fifth; its last message is the client's latest.
 */
export function makeInboxDialog(client: Client, index: number): InboxDialog {
  const lastMessageAt = client.lastClientMessage;
  const [message] = makeMessages(client.id, 1);
  return {
    id: dialogIdOf(client.id),
    state: index % 4 === 3 ? 'closed' : 'open',
    begin: client.firstClientMessage,
    end: null,
    operatorId: index % 5 === 2 ? null : (index % 3) + 1,
    clientId: client.id,
    lastMessage: message && lastMessageAt ? { ...message, type: 'from_client', text: LAST_TEXTS[index % LAST_TEXTS.length] ?? '', created: lastMessageAt } : null,
    lastMessageAt,
    messagesCount: 30,
    client: { id: client.id, name: client.name, assignedName: client.assignedName, phone: client.phone },
  };
}

/** A message of the client's history with what `changes` gives it (attachments, a place, a type). */
const mediaMessage = (clientId: number, index: number, changes: Partial<Message>): Message => ({
  id: clientId * 1000 + 900 + index,
  text: '',
  type: 'from_client',
  rawType: changes.type ?? 'from_client',
  transport: 'whatsapp',
  channelId: 1,
  operatorId: null,
  dialogId: dialogIdOf(clientId),
  clientId,
  created: minutesAgo(90 - index * 5),
  read: true,
  attachments: [],
  location: null,
  ...changes,
});

/**
 * A history with one message of each kind MessageHistory shows, newest first: a photo, a file
 * named like a photo, a PDF from the operator, a document, a voice note, a video, a place, a
 * type the console does not know, a note and a system line. Files live under `fileHost`
 * (stories pass their own origin, where `/media/harbour.svg` is a real picture).
 */
export function makeMediaMessages(clientId: number, fileHost = 'https://files.example.kz'): Message[] {
  const media = `${fileHost}/media`;
  return [
    mediaMessage(clientId, 10, { attachments: [{ url: `${media}/harbour.svg`, kind: 'photo', name: null }] }),
    mediaMessage(clientId, 9, { text: 'Вот скан паспорта', attachments: [{ url: `${media}/files/5501`, kind: 'file', name: 'scan.png' }] }),
    mediaMessage(clientId, 8, {
      type: 'to_client',
      operatorId: 2,
      text: 'Счёт на оплату',
      attachments: [{ url: `${media}/invoice-1042.pdf`, kind: 'pdf', name: null }],
    }),
    mediaMessage(clientId, 7, { attachments: [{ url: `${media}/files/5502`, kind: 'file', name: 'contract.docx' }] }),
    mediaMessage(clientId, 6, { attachments: [{ url: `${media}/voice-77.ogg`, kind: 'audio', name: null }] }),
    mediaMessage(clientId, 5, { attachments: [{ url: `${media}/unboxing.mp4`, kind: 'video', name: null }] }),
    mediaMessage(clientId, 4, { location: { latitude: 43.238949, longitude: 76.889709 } }),
    mediaMessage(clientId, 3, { type: 'system', rawType: 'interactive', text: 'Выберите: Да / Нет' }),
    mediaMessage(clientId, 2, { type: 'comment', text: 'Клиент постоянный, предложить скидку' }),
    mediaMessage(clientId, 1, { type: 'system', text: 'Диалог передан оператору Max Turner' }),
  ];
}
