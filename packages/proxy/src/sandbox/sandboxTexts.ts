/**
 * Message material for the sandbox: short conversations of an online home-goods shop in
 * Russian, Kazakh and English. Placeholders: {client} (the client's first name), {order},
 * {amount}, {city}, {day}, {freeFrom}, {operator}.
 */

/** Languages the sandbox's clients write in. */
export type SandboxLanguage = 'ru' | 'kk' | 'en';

/** One line of a conversation: `c` the client writes, `o` the operator answers. */
export type Turn = readonly ['c' | 'o', string];

/** Conversations by language; a dialog plays one of them, possibly cut short. */
export const TOPICS: Record<SandboxLanguage, ReadonlyArray<readonly Turn[]>> = {
  ru: [
    [
      ['c', 'Здравствуйте! Подскажите, где мой заказ №{order}?'],
      ['o', 'Здравствуйте, {client}! Сейчас проверю.'],
      ['o', 'Заказ №{order} передан в службу доставки, курьер привезёт его {day}.'],
      ['c', 'А можно привезти после 18:00?'],
      ['o', 'Да, отметил пожелание: доставка после 18:00. Курьер позвонит за час.'],
      ['c', 'Спасибо большое!'],
    ],
    [
      ['c', 'Добрый день. Можно оплатить заказ через Kaspi в рассрочку?'],
      ['o', 'Добрый день! Да, доступна рассрочка Kaspi Red на 3, 6 и 12 месяцев. Отправить ссылку на оплату?'],
      ['c', 'Да, отправьте, пожалуйста'],
      ['o', 'Ссылка на оплату заказа №{order} на сумму {amount} отправлена. Она действует 24 часа.'],
      ['c', 'Оплатила 👍'],
    ],
    [
      ['c', 'Хочу вернуть товар, не подошёл размер'],
      ['o', 'Понимаю. Вернуть можно в течение 14 дней, если сохранена упаковка. Пришлите, пожалуйста, номер заказа.'],
      ['c', '{order}'],
      ['o', 'Спасибо! Оформил возврат по заказу №{order}. Курьер заберёт товар в течение двух рабочих дней.'],
    ],
    [
      ['c', 'Есть в наличии диван «Сканди» в сером цвете?'],
      ['o', 'Да, в {city} на складе 3 штуки. Цена {amount}. Оформить заказ?'],
      ['c', 'Пока думаю, спасибо'],
      ['o', 'Хорошо! Если появятся вопросы, пишите сюда.'],
    ],
    [
      ['c', 'Сколько стоит доставка в {city}?'],
      ['o', 'Доставка в {city} бесплатная при заказе от {freeFrom}, иначе по тарифу службы доставки. Срок 2–4 дня.'],
      ['c', 'Понятно, спасибо'],
    ],
    [
      ['c', 'Курьер не приехал, ждала весь день!!'],
      ['o', 'Приносим извинения, {client}. Уточняю у службы доставки и вернусь с ответом в течение 15 минут.'],
      ['o', 'Курьер перенёс доставку на завтра, с 10:00 до 14:00. В качестве извинения дарим промокод SORRY10 на 10%.'],
      ['c', 'Ладно, спасибо'],
    ],
    [
      ['c', 'Здравствуйте, нужен счёт на оплату для ТОО'],
      ['o', 'Здравствуйте! Пришлите, пожалуйста, БИН и реквизиты компании.'],
      ['c', 'Отправил реквизиты на почту'],
      ['o', 'Получили, счёт по заказу №{order} на {amount} выставлен и отправлен вам на почту.'],
    ],
  ],
  kk: [
    [
      ['c', 'Сәлеметсіз бе! №{order} тапсырысым қайда екенін айтып жібересіз бе?'],
      ['o', 'Сәлеметсіз бе, {client}! Қазір тексеремін.'],
      ['o', '№{order} тапсырыс жеткізу қызметіне берілді, курьер {day} әкеледі.'],
      ['c', 'Рахмет!'],
    ],
    [
      ['c', 'Kaspi арқылы бөліп төлеуге бола ма?'],
      ['o', 'Иә, Kaspi Red арқылы 3, 6 және 12 айға бөліп төлеуге болады. Төлем сілтемесін жіберейін бе?'],
      ['c', 'Иә, жіберіңізші'],
      ['o', '№{order} тапсырыс бойынша {amount} сомасына төлем сілтемесі жіберілді.'],
    ],
    [
      ['c', '{city} қаласына жеткізу қанша тұрады?'],
      ['o', '{freeFrom} асатын тапсырысқа жеткізу тегін. Мерзімі 2–4 күн.'],
      ['c', 'Түсінікті, рахмет'],
    ],
    [
      ['c', 'Тауарды қайтарғым келеді, өлшемі келмеді'],
      ['o', 'Түсіндім. Қаптамасы сақталса, 14 күн ішінде қайтаруға болады. Тапсырыс нөмірін жіберіңізші.'],
      ['c', '{order}'],
      ['o', 'Рахмет! №{order} тапсырыс бойынша қайтару рәсімделді. Курьер екі жұмыс күні ішінде келеді.'],
    ],
  ],
  en: [
    [
      ['c', 'Hi! Could you tell me where my order #{order} is?'],
      ['o', 'Hello {client}! Let me check.'],
      ['o', 'Order #{order} is with the courier and will arrive {day}.'],
      ['c', 'Great, thanks!'],
    ],
    [
      ['c', 'Hello, do you deliver to {city}?'],
      ['o', 'Yes, we deliver to {city} in 2–4 days. Delivery is free for orders over {freeFrom}.'],
      ['c', "Perfect, I'll place an order today."],
    ],
    [
      ['c', "I'd like to return an item, it's the wrong size."],
      ['o', 'Sorry to hear that. You can return it within 14 days in the original packaging. Could you send me the order number?'],
      ['c', "It's {order}"],
      ['o', "Thanks! I've registered the return for order #{order}. A courier will pick it up within two business days."],
    ],
    [
      ['c', 'Can I pay by card on delivery?'],
      ['o', 'Yes, couriers accept cards and cash. Anything else I can help with?'],
      ['c', "No, that's all. Thank you!"],
    ],
  ],
};

/** A greeting some clients send on its own before the question. */
export const GREETINGS: Record<SandboxLanguage, readonly string[]> = {
  ru: ['Здравствуйте', 'Добрый день!', 'Привет', 'Алло, есть кто?'],
  kk: ['Сәлеметсіз бе', 'Қайырлы күн!', 'Сәлем'],
  en: ['Hello', 'Hi there', 'Good morning!'],
};

/** Chat2Desk autoreplies sent when a client writes first. */
export const AUTOREPLIES: Record<SandboxLanguage, readonly string[]> = {
  ru: [
    'Здравствуйте! Мы получили ваше сообщение. Оператор ответит в течение 5 минут.',
    'Спасибо за обращение! Мы работаем с 9:00 до 21:00 и ответим вам в рабочее время.',
  ],
  kk: ['Сәлеметсіз бе! Хабарламаңыз қабылданды. Оператор 5 минут ішінде жауап береді.'],
  en: ['Hi! We got your message. An operator will reply within 5 minutes.'],
};

/** Last words of an operator before closing a dialog. */
export const CLOSINGS: Record<SandboxLanguage, readonly string[]> = {
  ru: ['Спасибо за обращение! Хорошего дня 🙂', 'Рады были помочь. Если что, пишите!'],
  kk: ['Хабарласқаныңызға рахмет! Күніңіз сәтті өтсін!'],
  en: ['Thanks for reaching out! Have a great day.', 'Happy to help. Write any time!'],
};

/** Internal operator notes (`comment` messages, never seen by the client). */
export const OPERATOR_NOTES = [
  'Постоянный клиент, можно дать скидку 5%',
  'Проверил в 1С — оплата прошла',
  'Перезвонить после 18:00',
  'Checked with the warehouse: in stock',
  'VIP — answer first',
  'Клиент просит связаться на казахском',
] as const;

/** System messages (Chat2Desk writes them in the account's language). */
export const SYSTEM_TEXTS = {
  assigned: 'Диалог назначен оператору {operator}',
  transferred: 'Диалог передан оператору {operator}',
  closed: 'Диалог закрыт',
} as const;

/** Reasons operators give when they hand a dialog on; null when they give none. */
export const TRANSFER_REASONS = {
  escalation: ['Escalated to supervisor', 'Клиент недоволен, нужен старший смены'],
  handover: ['Передан в отдел продаж', 'Передан в бухгалтерию', 'Клиент пишет на казахском', 'Смена закончилась', 'Shift change', null],
} as const;

/** Filler for {day} by language. */
export const DAYS: Record<SandboxLanguage, readonly string[]> = {
  ru: ['завтра', 'в четверг', 'сегодня до 20:00', 'в понедельник'],
  kk: ['ертең', 'бүгін 20:00-ге дейін', 'бейсенбіде'],
  en: ['tomorrow', 'on Thursday', 'today before 8 pm'],
};

/** Cities, currency and the free-delivery threshold of a client's country. */
export const MARKETS = {
  kz: { cities: ['Алматы', 'Астана', 'Шымкент', 'Караганда', 'Актобе'], citiesEn: ['Almaty', 'Astana', 'Shymkent'], currency: '₸', freeFrom: '50 000 ₸', amounts: [18_990, 45_990, 129_000, 289_900] },
  ru: { cities: ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск'], citiesEn: ['Moscow', 'St Petersburg'], currency: '₽', freeFrom: '5 000 ₽', amounts: [3_490, 12_990, 27_500, 64_900] },
  intl: { cities: ['Almaty', 'Astana'], citiesEn: ['Almaty', 'Astana'], currency: '₸', freeFrom: '50 000 ₸', amounts: [45_990, 129_000] },
} as const;

/** Names operators give to clients (`assigned_name`). */
export const ASSIGNED_NAME_SUFFIXES = [' (VIP)', ' — опт', ' (partner)', ' — дизайнер', ' (возврат)'] as const;

/** Operators' comments on a client card. */
export const CLIENT_COMMENTS = [
  'Предпочитает WhatsApp',
  'Оптовый клиент',
  'Call after 6 pm',
  'Просит счёт на ТОО',
  'Постоянный покупатель',
  'Не звонить, только писать',
  'Интересуется рассрочкой',
] as const;

/** `extra_comment_1..3` material. */
export const EXTRA_COMMENTS = [
  ['Город: Алматы', 'Город: Астана', 'Город: Москва', 'City: Almaty'],
  ['Скидка 5%', 'Скидка 10%', 'Бонусов: 1 200'],
  ['Источник: Instagram', 'Источник: сайт', 'Источник: 2ГИС', 'Source: referral'],
] as const;
