import { addSandboxMedia } from './addSandboxMedia.js';
import { c2dTime } from './c2dTime.js';
import { createRandom, type Random } from './createRandom.js';
import { generateOperatorWork, type SandboxOperatorWork } from './generateOperatorWork.js';
import * as names from './sandboxNames.js';
import * as texts from './sandboxTexts.js';
import type { SandboxLanguage, Turn } from './sandboxTexts.js';
import type {
  DialogRoute,
  SandboxChannel,
  SandboxClient,
  SandboxDialog,
  SandboxMessage,
  SandboxOperator,
  SandboxRoute,
  SandboxTransfer,
} from './sandboxRecords.js';

type SeedMessageType = 'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment';

/** Everything the sandbox serves, as its own records (`sandboxRecords.ts`), ids ascending. */
export interface SandboxData extends SandboxOperatorWork {
  clients: SandboxClient[];
  /** Channels and transports that can reach each client, by client id. */
  clientTransports: Map<number, SandboxRoute[]>;
  operators: SandboxOperator[];
  channels: SandboxChannel[];
  /** Dialogs, each with its `client_id`. */
  dialogs: SandboxDialog[];
  /** Transport, channel and request of each dialog, by dialog id. */
  dialogRoutes: Map<number, DialogRoute>;
  messages: SandboxMessage[];
  transfers: SandboxTransfer[];
}

/** Fixed point the seeded history ends at, so a seed means the same data on every day. */
export const SANDBOX_BASE_DATE = Date.UTC(2026, 10, 1);

/** Where each range of ids starts: distinct ranges make a client id passed as a dialog id a 404. */
export const SANDBOX_ID_BASE = { client: 1001, operator: 101, dialog: 1, message: 500_001, transfer: 7001, request: 30_001 } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 90;

const CHANNELS: readonly SandboxChannel[] = [
  { id: 1, name: 'Алматы — продажи', phone: '77273550101', transports: ['whatsapp', 'telegram', 'viber', 'sms'] },
  { id: 2, name: 'Астана — поддержка', phone: '77172550202', transports: ['whatsapp', 'telegram', 'instagram'] },
  { id: 3, name: 'Москва — support', phone: '74951112233', transports: ['whatsapp', 'telegram', 'vk', 'viber', 'sms'] },
];

/** Sandbox country ids (Chat2Desk's own numbering is not documented). */
const COUNTRY_IDS = { kz: 1, ru: 2, gb: 3, us: 4 } as const;
type Country = keyof typeof COUNTRY_IDS;
type Origin = 'kz' | 'kzLatin' | 'ru' | 'en';

interface Person {
  name: string | null;
  firstName: string | null;
  phone: string | null;
  country: Country | null;
  lang: SandboxLanguage;
  transports: SandboxRoute[];
  firstMessageAt: number;
  lastMessageAt: number;
  client?: SandboxClient;
}

interface DialogDraft {
  person: Person;
  begin: number;
  end: number | null;
  last: number;
  count: number;
  operator: number;
  route: { transport: string; channel_id: number };
  dialog?: SandboxDialog;
}

interface MessageDraft {
  dialog: DialogDraft;
  type: SeedMessageType;
  text: string;
  at: number;
  operator: number | null;
  read: boolean;
  seq: number;
}

interface TransferDraft {
  dialog: DialogDraft;
  from: number | null;
  to: number;
  at: number;
  reason: string | null;
  seq: number;
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

function makePhone(random: Random, country: Country): string {
  switch (country) {
    case 'kz':
      return `7${random.weighted([['701', 5], ['702', 3], ['705', 3], ['707', 4], ['747', 3], ['700', 1], ['708', 1], ['771', 1], ['775', 1], ['777', 2], ['778', 1]])}${digits(random, 7)}`;
    case 'ru':
      return `79${random.int(0, 9)}${digits(random, 8)}`;
    case 'gb':
      return `447${random.int(4, 9)}${digits(random, 8)}`;
    case 'us':
      return `1${random.pick(['212', '415', '646', '917', '305'])}${random.int(2, 9)}${digits(random, 6)}`;
  }
}

function makeName(random: Random, origin: Origin): { name: string | null; firstName: string | null } {
  const female = random.chance(0.55);
  let first: string;
  let last: string;
  switch (origin) {
    case 'kz': {
      first = random.pick(female ? names.KZ_FEMALE : names.KZ_MALE);
      last = random.chance(0.12)
        ? `${random.pick(names.KZ_PATRONYM_ROOTS)}${female ? 'қызы' : 'ұлы'}`
        : random.pick(names.KZ_SURNAMES);
      break;
    }
    case 'kzLatin':
      first = random.pick(female ? names.KZ_LATIN_FEMALE : names.KZ_LATIN_MALE);
      last = random.pick(names.KZ_LATIN_SURNAMES);
      break;
    case 'ru':
      first = random.pick(female ? names.RU_FEMALE : names.RU_MALE);
      last = random.pick(names.RU_SURNAMES);
      break;
    case 'en':
      first = random.pick(female ? names.EN_FEMALE : names.EN_MALE);
      last = random.pick(names.EN_SURNAMES);
      break;
  }
  if (female && origin !== 'en' && !last.endsWith('қызы')) last = names.femaleSurname(last);
  const style = random.weighted([['full', 55], ['first', 18], ['reversed', 10], ['initial', 7], ['nick', 6], ['none', 4]] as const);
  switch (style) {
    case 'full':
      return { name: `${first} ${last}`, firstName: first };
    case 'first':
      return { name: first, firstName: first };
    case 'reversed':
      return { name: `${last} ${first}`, firstName: first };
    case 'initial':
      return { name: `${first} ${last.charAt(0)}.`, firstName: first };
    case 'nick':
      return { name: random.pick(names.NICKNAMES), firstName: null };
    case 'none':
      return { name: null, firstName: null };
  }
}

function pickChannel(random: Random, transport: string, country: Country | null): number {
  const able = CHANNELS.filter((c) => c.transports.includes(transport));
  const local = able.filter((c) => (country === 'ru' ? c.id === 3 : c.id !== 3));
  return random.pick(local.length > 0 ? local : able).id;
}

function makeTransports(random: Random, phone: string | null, country: Country | null): SandboxRoute[] {
  const options: Array<readonly [string, number]> = phone
    ? [['whatsapp', 45], ['telegram', 22], ['instagram', 9], ['viber', 8], ['vk', country === 'ru' ? 12 : 1], ['sms', 7]]
    : [['telegram', 60], ['instagram', 30], ['vk', 10]];
  const wanted = 1 + random.weighted([[0, 60], [1, 30], [2, 10]]);
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < wanted && tries < 10; tries++) {
    const transport = random.weighted(options);
    if (!chosen.includes(transport)) chosen.push(transport);
  }
  const result: SandboxRoute[] = [];
  for (const transport of chosen) {
    const channelId = pickChannel(random, transport, country);
    result.push({ channel_id: channelId, transport });
  }
  // Some clients wrote to two of the account's numbers through the same messenger.
  const first = result[0];
  if (first && random.chance(0.1)) {
    const other = CHANNELS.find((c) => c.id !== first.channel_id && c.transports.includes(first.transport));
    if (other) result.push({ channel_id: other.id, transport: first.transport });
  }
  return result;
}

function formatAmount(value: number, currency: string): string {
  return `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} ${currency}`;
}

function fill(template: string, vars: Record<string, string | null>): string {
  let text = template;
  if (vars.client === null) text = text.replace(/,? \{client\}/g, '');
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

const operatorName = (o: SandboxOperator): string => `${o.first_name ?? ''} ${o.last_name ?? ''}`.trim();

/**
 * Builds a deterministic Chat2Desk account: for a seed and a client count, the same clients,
 * dialogs, messages, transfers and ids every time, over the 90 days before
 * {@link SANDBOX_BASE_DATE}.
 */
export function generateSandboxData(options: { seed: number; clients: number }): SandboxData {
  const random = createRandom(options.seed);
  const windowStart = SANDBOX_BASE_DATE - HISTORY_DAYS * DAY;
  const latestStart = SANDBOX_BASE_DATE - 6 * HOUR;

  // ---- operators ----
  const roster = random.shuffle(names.OPERATOR_ROSTER).slice(0, random.int(8, 12));
  const operators: SandboxOperator[] = roster.map((o, i) => ({
    id: SANDBOX_ID_BASE.operator + i,
    email: `${o.email}@example.com`,
    first_name: o.first,
    last_name: o.last,
    role: i === 0 ? 'admin' : i <= 2 ? 'supervisor' : 'operator',
    online: random.chance(0.6),
    opened_dialogs: 0,
  }));
  const agents = operators.filter((o) => o.role === 'operator');
  const supervisors = operators.filter((o) => o.role === 'supervisor');

  // ---- people, dialogs, messages, transfers (ids come after, in time order) ----
  const people: Person[] = [];
  const dialogs: DialogDraft[] = [];
  const messages: MessageDraft[] = [];
  const transfers: TransferDraft[] = [];
  const phones = new Set<string>();
  let seq = 0;

  for (let p = 0; p < options.clients; p++) {
    const origin = random.weighted<Origin>([['kz', 56], ['ru', 33], ['kzLatin', 7], ['en', 4]]);
    const { name, firstName } = makeName(random, origin);
    let country: Country | null =
      origin === 'en'
        ? random.weighted<Country>([['gb', 40], ['us', 30], ['kz', 30]])
        : origin === 'ru'
          ? random.weighted<Country>([['ru', 78], ['kz', 22]])
          : random.weighted<Country>([['kz', 95], ['ru', 5]]);
    let phone: string | null = null;
    if (random.chance(0.04)) {
      country = null;
    } else {
      do phone = makePhone(random, country);
      while (phones.has(phone));
      phones.add(phone);
    }
    const lang: SandboxLanguage =
      origin === 'en'
        ? 'en'
        : origin === 'ru'
          ? 'ru'
          : origin === 'kzLatin'
            ? random.weighted<SandboxLanguage>([['en', 40], ['ru', 40], ['kk', 20]])
            : random.weighted<SandboxLanguage>([['ru', 60], ['kk', 35], ['en', 5]]);
    const person: Person = {
      name,
      firstName,
      phone,
      country,
      lang,
      transports: makeTransports(random, phone, country),
      firstMessageAt: Number.POSITIVE_INFINITY,
      lastMessageAt: Number.NEGATIVE_INFINITY,
    };
    people.push(person);

    const market = country === 'ru' ? texts.MARKETS.ru : country === 'kz' ? texts.MARKETS.kz : texts.MARKETS.intl;
    const dialogCount = random.weighted([[1, 50], [2, 30], [3, 15], [4, 5]]);
    const starts = Array.from({ length: dialogCount }, () => random.int(windowStart, latestStart)).toSorted((a, b) => a - b);
    let previousEnd = Number.NEGATIVE_INFINITY;

    for (let d = 0; d < starts.length; d++) {
      let t = Math.max(starts[d] ?? latestStart, previousEnd + random.int(1, 72) * HOUR);
      if (t > latestStart) break;
      const isLast = d === starts.length - 1;
      const open = isLast && t > SANDBOX_BASE_DATE - 10 * DAY && random.chance(0.55);
      const route = random.chance(0.7) || person.transports.length === 1 ? person.transports[0] : random.pick(person.transports);
      if (!route) throw new Error('every sandbox client has a transport');
      const draft: DialogDraft = { person, begin: t, end: null, last: t, count: 0, operator: 0, route: { transport: route.transport, channel_id: route.channel_id } };
      dialogs.push(draft);

      let current = random.pick(agents).id;
      const vars: Record<string, string | null> = {
        client: firstName,
        order: String(random.int(100_000, 999_999)),
        amount: formatAmount(random.pick(market.amounts), market.currency),
        city: random.pick(lang === 'en' ? market.citiesEn : market.cities),
        day: random.pick(texts.DAYS[lang]),
        freeFrom: market.freeFrom,
      };
      const drafts: MessageDraft[] = [];
      const push = (type: SeedMessageType, text: string, operator: number | null): void => {
        drafts.push({ dialog: draft, type, text, at: t, operator, read: true, seq: seq++ });
      };
      const transfer = (from: number | null, to: number, reason: string | null): void => {
        transfers.push({ dialog: draft, from, to, at: t, reason, seq: seq++ });
      };
      const nameOf = (id: number): string => {
        const operator = operators.find((o) => o.id === id);
        return operator ? operatorName(operator) : String(id);
      };

      const topic: readonly Turn[] = random.pick(texts.TOPICS[lang]);
      if (random.chance(0.2)) {
        push('from_client', random.pick(texts.GREETINGS[lang]), null);
        t += random.int(5, 40) * 1000;
      }
      let turn = 0;
      while (turn < topic.length && topic[turn]?.[0] === 'c') {
        push('from_client', fill(topic[turn]?.[1] ?? '', vars), null);
        t += random.int(5, 60) * 1000;
        turn++;
      }
      if (random.chance(0.45)) push('autoreply', random.pick(texts.AUTOREPLIES[lang]), null);

      // First assignment from the queue: a transfer record without a "from" operator.
      t += random.int(20, 360) * 1000;
      transfer(null, current, null);
      push('system', fill(texts.SYSTEM_TEXTS.assigned, { operator: nameOf(current) }), null);

      // An open dialog may stop anywhere, the client's last words still unanswered.
      const stopAt = open ? random.int(turn, topic.length) : topic.length;
      const transferBefore = random.chance(0.3) ? random.int(turn, Math.max(turn, stopAt - 1)) : -1;
      let previous: 'c' | 'o' = 'c';
      for (; turn < stopAt; turn++) {
        const [who, template] = topic[turn] ?? ['o', ''];
        if (turn === transferBefore) {
          t += random.int(1, 10) * MINUTE;
          const escalate = random.chance(0.35);
          const pool = (escalate ? supervisors : agents).filter((o) => o.id !== current);
          const to = random.pick(pool.length > 0 ? pool : operators.filter((o) => o.id !== current)).id;
          transfer(current, to, random.pick<string | null>(escalate ? texts.TRANSFER_REASONS.escalation : texts.TRANSFER_REASONS.handover));
          current = to;
          push('system', fill(texts.SYSTEM_TEXTS.transferred, { operator: nameOf(to) }), null);
        }
        if (who === 'o') {
          t += previous === 'c' ? random.int(30, 720) * 1000 : random.int(5, 90) * 1000;
          push('to_client', fill(template, vars), current);
          if (random.chance(0.12)) {
            t += random.int(10, 120) * 1000;
            push('comment', random.pick(texts.OPERATOR_NOTES), current);
          }
        } else {
          t += random.int(20, 1200) * 1000;
          push('from_client', fill(template, vars), null);
        }
        previous = who;
      }
      if (!open) {
        if (random.chance(0.6)) {
          t += random.int(30, 300) * 1000;
          push('to_client', fill(random.pick(texts.CLOSINGS[lang]), vars), current);
        }
        t += random.int(1, 30) * MINUTE;
        push('system', texts.SYSTEM_TEXTS.closed, null);
        draft.end = t;
      } else {
        // What the client wrote after the operator's last answer is still unread.
        for (let i = drafts.length - 1; i >= 0 && drafts[i]?.type !== 'to_client'; i--) {
          const message = drafts[i];
          if (message?.type === 'from_client') message.read = false;
        }
      }

      draft.operator = current;
      draft.last = t;
      draft.count = drafts.length;
      for (const m of drafts) {
        messages.push(m);
        if (m.type === 'from_client') {
          person.firstMessageAt = Math.min(person.firstMessageAt, m.at);
          person.lastMessageAt = Math.max(person.lastMessageAt, m.at);
        }
      }
      previousEnd = t;
    }
  }

  // ---- ids in time order, as Chat2Desk hands them out ----
  const byTime = <T extends { seq: number }>(at: (x: T) => number) => (a: T, b: T) => at(a) - at(b) || a.seq - b.seq;
  const order = people.map((person, index) => ({ person, seq: index })).toSorted(byTime((x) => x.person.firstMessageAt));
  const clients: SandboxClient[] = [];
  const clientTransports = new Map<number, SandboxRoute[]>();
  for (const [i, { person }] of order.entries()) {
    const id = SANDBOX_ID_BASE.client + i;
    const client: SandboxClient = {
      id,
      name: person.name,
      phone: person.phone,
      assigned_name: person.firstName && random.chance(0.12) ? `${person.firstName}${random.pick(texts.ASSIGNED_NAME_SUFFIXES)}` : null,
      comment: random.chance(0.2) ? random.pick(texts.CLIENT_COMMENTS) : null,
      avatar: null,
      region_id: person.country === 'kz' && random.chance(0.4) ? random.int(1, 5) : null,
      country_id: person.country ? COUNTRY_IDS[person.country] : null,
      first_client_message: c2dTime(person.firstMessageAt),
      last_client_message: c2dTime(person.lastMessageAt),
      extra_comment_1: random.chance(0.1) ? random.pick(texts.EXTRA_COMMENTS[0]) : null,
      extra_comment_2: random.chance(0.08) ? random.pick(texts.EXTRA_COMMENTS[1]) : null,
      extra_comment_3: random.chance(0.06) ? random.pick(texts.EXTRA_COMMENTS[2]) : null,
      client_external_id: random.chance(0.3) ? `CRM-${random.int(10_000, 99_999)}` : null,
    };
    person.client = client;
    clients.push(client);
    clientTransports.set(id, person.transports);
  }

  const dialogRoutes = new Map<number, DialogRoute>();
  const dialogList: SandboxDialog[] = dialogs
    .map((draft, index) => ({ draft, seq: index }))
    .toSorted(byTime((x) => x.draft.begin))
    .map(({ draft }, i) => {
      const dialog: SandboxDialog = {
        id: SANDBOX_ID_BASE.dialog + i,
        state: draft.end === null ? 'open' : 'closed',
        begin: c2dTime(draft.begin),
        end: draft.end === null ? null : c2dTime(draft.end),
        operator_id: draft.operator,
        client_id: draft.person.client?.id ?? null,
        last_message_at: c2dTime(draft.last),
        messages: draft.count,
      };
      draft.dialog = dialog;
      dialogRoutes.set(dialog.id, { ...draft.route, request_id: SANDBOX_ID_BASE.request + i });
      return dialog;
    });

  const messageList: SandboxMessage[] = messages.toSorted(byTime((m) => m.at)).map((m, i) => ({
    id: SANDBOX_ID_BASE.message + i,
    text: m.text,
    type: m.type,
    transport: m.dialog.route.transport,
    channel_id: m.dialog.route.channel_id,
    operator_id: m.operator,
    dialog_id: m.dialog.dialog?.id ?? null,
    client_id: m.dialog.person.client?.id ?? 0,
    request_id: m.dialog.dialog ? (dialogRoutes.get(m.dialog.dialog.id)?.request_id ?? null) : null,
    created: c2dTime(m.at),
    read: m.read ? 1 : 0,
    photo: null,
    video: null,
    audio: null,
    pdf: null,
    coordinates: null,
    attachments: [],
    extra_data: null,
  }));
  // Media and new message types from a stream of their own, so adding them left the rest of a
  // seed's account as it was.
  addSandboxMedia(createRandom(options.seed ^ 0x6d656469), messageList);

  const transferList: SandboxTransfer[] = transfers.toSorted(byTime((x) => x.at)).map((x, i) => ({
    id: SANDBOX_ID_BASE.transfer + i,
    dialog_id: x.dialog.dialog?.id ?? 0,
    client_id: x.dialog.person.client?.id ?? null,
    from_operator_id: x.from,
    to_operator_id: x.to,
    created: c2dTime(x.at),
    reason: x.reason,
  }));

  return {
    clients,
    clientTransports,
    operators,
    channels: CHANNELS.map((c) => ({ ...c, transports: [...c.transports] })),
    dialogs: dialogList,
    dialogRoutes,
    messages: messageList,
    transfers: transferList,
    // A stream of their own too: tags, groups and quick replies left the rest of a seed's account as it was.
    ...generateOperatorWork(createRandom(options.seed ^ 0x776f726b), clients, operators, windowStart),
  };
}
