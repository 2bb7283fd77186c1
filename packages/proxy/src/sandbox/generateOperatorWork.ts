import { c2dTime } from './c2dTime.js';
import type { Random } from './createRandom.js';
import type { SandboxClient, SandboxOperator, SandboxOperatorGroup, SandboxTag, SandboxTemplate } from './sandboxRecords.js';

/** The account's tags, operator groups and quick replies, and which clients carry which tags. */
export interface SandboxOperatorWork {
  tags: SandboxTag[];
  operatorGroups: SandboxOperatorGroup[];
  templates: SandboxTemplate[];
  /** Tag ids by client id (clients without tags are left out). */
  clientTags: Map<number, number[]>;
}

const TAG_GROUPS: ReadonlyArray<{ id: number; name: string; tags: ReadonlyArray<[label: string, description: string | null]> }> = [
  { id: 1, name: 'Сегмент', tags: [['VIP', 'Постоянный клиент, отвечать в первую очередь'], ['Опт', null], ['Новый', 'Первое обращение']] },
  { id: 2, name: 'Тема', tags: [['Доставка', null], ['Возврат', 'Оформляет возврат или обмен'], ['Оплата', null], ['Жалоба', 'Передать руководителю смены']] },
  { id: 3, name: 'Status', tags: [['Lead', 'Not a customer yet'], ['Do not disturb', null]] },
];

const GROUPS: ReadonlyArray<string> = ['Продажи', 'Поддержка', 'VIP-линия'];

const TEMPLATES: ReadonlyArray<[name: string | null, command: string | null, text: string]> = [
  ['Приветствие', 'hi', 'Здравствуйте! Меня зовут {operator}, чем могу помочь?'],
  ['Ожидание', 'wait', 'Спасибо за ожидание, уточняю информацию и вернусь через пару минут.'],
  ['Доставка', 'delivery', 'Доставка по Алматы и Астане — на следующий день, по Казахстану — 2–4 рабочих дня.'],
  ['Возврат', 'return', 'Вернуть товар можно в течение 14 дней: пришлите, пожалуйста, номер заказа и фото.'],
  [null, 'pay', 'Оплатить можно картой на сайте, переводом Kaspi или наличными курьеру.'],
  ['Прощание', 'bye', 'Рады были помочь! Хорошего дня.'],
  ['Greeting (EN)', 'hello', 'Hello! Thanks for reaching out, how can I help?'],
  ['Сәлемдесу', 'salem', 'Сәлеметсіз бе! Сізге қалай көмектесе аламын?'],
];

/** Where the ids of the operator's work start: apart from every other range. */
export const OPERATOR_WORK_ID_BASE = { tag: 201, group: 11, template: 31 } as const;

/**
 * The operator's work of a seeded account: tags in groups, about a third of the clients
 * tagged, operator groups over the seed's operators (every operator in at least one), and quick
 * replies in Russian, Kazakh and English. `random` must be a stream of its own, so adding these
 * left the rest of a seed's account as it was.
 */
export function generateOperatorWork(random: Random, clients: readonly SandboxClient[], operators: readonly SandboxOperator[], createdAt: number): SandboxOperatorWork {
  let tagId = OPERATOR_WORK_ID_BASE.tag;
  const tags: SandboxTag[] = TAG_GROUPS.flatMap((group) =>
    group.tags.map(([label, description]) => ({ id: tagId++, group_id: group.id, group_name: group.name, label, description })),
  );
  const operatorGroups: SandboxOperatorGroup[] = GROUPS.map((name, i) => ({
    id: OPERATOR_WORK_ID_BASE.group + i,
    name,
    // Round robin first, so every operator is in a group; then a few more members at random.
    operator_ids: operators.filter((_operator, at) => at % GROUPS.length === i || random.chance(0.25)).map((o) => o.id),
  }));
  const templates: SandboxTemplate[] = TEMPLATES.map(([name, command, text], i) => ({
    id: OPERATOR_WORK_ID_BASE.template + i,
    name,
    command,
    text,
    created: c2dTime(createdAt - (TEMPLATES.length - i) * 86_400_000),
  }));
  const clientTags = new Map<number, number[]>();
  for (const client of clients) {
    if (!random.chance(0.35)) continue;
    const picked = random.shuffle(tags).slice(0, random.int(1, 3));
    clientTags.set(client.id, picked.map((t) => t.id).toSorted((a, b) => a - b));
  }
  return { tags, operatorGroups, templates, clientTags };
}
