/** Locales the console speaks. */
export type Locale = 'ru' | 'en';

/** Every user-visible string of the console, in one place per locale. */
export interface ConsoleStrings {
  frameTitle: (dialogId: number | undefined) => string;
  frameLoading: string;
  frameTimeoutTitle: string;
  frameTimeoutReason: string;
  frameOpenInChat2Desk: string;
  frameRetry: string;
  frameInvalid: string;
  modeSwitchLabel: string;
  modeLabels: Record<1 | 2 | 3, string>;
  modeHints: Record<1 | 2 | 3, string>;
  clientListLabel: string;
  clientSearchLabel: string;
  clientSearchPlaceholder: string;
  clientSearchClear: string;
  /** "1,234 clients"; `formatted` is `count` grouped in the locale. */
  clientCount: (count: number, formatted: string) => string;
  clientsLoading: string;
  clientsLoadingMore: string;
  clientsEmpty: string;
  clientsNoMatches: (search: string) => string;
  clientsError: string;
  clientsRetry: string;
  retry: string;
  transfersLabel: string;
  transfersLoading: string;
  transfersEmpty: string;
  transfersError: string;
  transfersMore: string;
  transferQueue: string;
  /** Read between the two operators of a transfer by screen readers. */
  transferHandedTo: string;
  operatorFallback: (id: number) => string;
  messagesLabel: string;
  messagesLoading: string;
  messagesEmpty: string;
  messagesError: string;
  messagesOlder: string;
  messagesLoadingOlder: string;
  /** Who wrote a message, by its Chat2Desk type. */
  messageAuthor: Record<'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment', string>;
  messageSending: string;
  sendLabel: string;
  sendPlaceholder: string;
  sendButton: string;
  sendSending: string;
  sendChannel: string;
  sendFailed: (reason: string) => string;
  sendTooLong: (length: number, max: number) => string;
}

const en: ConsoleStrings = {
  frameTitle: (id) => (id ? `Chat2Desk dialog ${id}` : 'Chat2Desk dialogs'),
  frameLoading: 'Loading Chat2Desk…',
  frameTimeoutTitle: 'Chat2Desk did not open here',
  frameTimeoutReason:
    'You may need to log in to Chat2Desk, or this browser blocks third-party cookies inside frames. Open it in a new tab instead.',
  frameOpenInChat2Desk: 'Open in Chat2Desk',
  frameRetry: 'Try again',
  frameInvalid: 'The Chat2Desk dialog cannot be shown',
  modeSwitchLabel: 'Dialog view',
  modeLabels: { 1: 'Full', 2: 'Dialog', 3: 'Read-only' },
  modeHints: {
    1: 'Chat2Desk without the left menu',
    2: 'Only this dialog, with replies',
    3: 'Only this dialog, read-only',
  },
  clientListLabel: 'Clients',
  clientSearchLabel: 'Search clients',
  clientSearchPlaceholder: 'Name or phone',
  clientSearchClear: 'Clear search',
  clientCount: (count, formatted) => `${formatted} ${count === 1 ? 'client' : 'clients'}`,
  clientsLoading: 'Loading clients…',
  clientsLoadingMore: 'Loading more clients…',
  clientsEmpty: 'No clients yet',
  clientsNoMatches: (search) => `Nothing matches “${search}”`,
  clientsError: 'Could not load clients',
  clientsRetry: 'Retry',
  retry: 'Retry',
  transfersLabel: 'Transfer history',
  transfersLoading: 'Loading transfers…',
  transfersEmpty: 'This dialog has not been transferred yet',
  transfersError: 'Could not load transfers',
  transfersMore: 'Show more',
  transferQueue: 'Queue',
  transferHandedTo: 'to',
  operatorFallback: (id) => `Operator #${id}`,
  messagesLabel: 'Messages',
  messagesLoading: 'Loading messages…',
  messagesEmpty: 'No messages yet',
  messagesError: 'Could not load messages',
  messagesOlder: 'Load older messages',
  messagesLoadingOlder: 'Loading older messages…',
  messageAuthor: {
    from_client: 'Client',
    to_client: 'Operator',
    system: 'System',
    autoreply: 'Auto-reply',
    comment: 'Internal note',
  },
  messageSending: 'Sending…',
  sendLabel: 'Message',
  sendPlaceholder: 'Write a message… Enter sends, Shift+Enter adds a line',
  sendButton: 'Send',
  sendSending: 'Sending…',
  sendChannel: 'Channel',
  sendFailed: (reason) => `Not sent: ${reason}. Your text is kept, try again.`,
  sendTooLong: (length, max) => `Too long: ${length} of ${max} characters`,
};

/** Russian noun form for a count: 1 клиент, 2 клиента, 5 клиентов, 21 клиент. */
function ruPlural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (units === 1 && tens !== 11) return one;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
  return many;
}

const ru: ConsoleStrings = {
  frameTitle: (id) => (id ? `Диалог Chat2Desk ${id}` : 'Диалоги Chat2Desk'),
  frameLoading: 'Загружаем Chat2Desk…',
  frameTimeoutTitle: 'Chat2Desk не открылся здесь',
  frameTimeoutReason:
    'Возможно, нужно войти в Chat2Desk, или браузер блокирует сторонние cookie во фреймах. Откройте его в новой вкладке.',
  frameOpenInChat2Desk: 'Открыть в Chat2Desk',
  frameRetry: 'Повторить',
  frameInvalid: 'Диалог Chat2Desk нельзя показать',
  modeSwitchLabel: 'Вид диалога',
  modeLabels: { 1: 'Полный', 2: 'Диалог', 3: 'Просмотр' },
  modeHints: {
    1: 'Chat2Desk без левого меню',
    2: 'Только этот диалог, с ответом',
    3: 'Только этот диалог, без ответа',
  },
  clientListLabel: 'Клиенты',
  clientSearchLabel: 'Поиск клиентов',
  clientSearchPlaceholder: 'Имя или телефон',
  clientSearchClear: 'Очистить поиск',
  clientCount: (count, formatted) => `${formatted} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')}`,
  clientsLoading: 'Загружаем клиентов…',
  clientsLoadingMore: 'Загружаем ещё клиентов…',
  clientsEmpty: 'Клиентов пока нет',
  clientsNoMatches: (search) => `По запросу «${search}» ничего не найдено`,
  clientsError: 'Не удалось загрузить клиентов',
  clientsRetry: 'Повторить',
  retry: 'Повторить',
  transfersLabel: 'История передач',
  transfersLoading: 'Загружаем передачи…',
  transfersEmpty: 'Диалог ещё не передавали',
  transfersError: 'Не удалось загрузить передачи',
  transfersMore: 'Показать ещё',
  transferQueue: 'Очередь',
  transferHandedTo: 'передан',
  operatorFallback: (id) => `Оператор #${id}`,
  messagesLabel: 'Сообщения',
  messagesLoading: 'Загружаем сообщения…',
  messagesEmpty: 'Сообщений пока нет',
  messagesError: 'Не удалось загрузить сообщения',
  messagesOlder: 'Загрузить более ранние',
  messagesLoadingOlder: 'Загружаем более ранние…',
  messageAuthor: {
    from_client: 'Клиент',
    to_client: 'Оператор',
    system: 'Система',
    autoreply: 'Автоответ',
    comment: 'Заметка',
  },
  messageSending: 'Отправляется…',
  sendLabel: 'Сообщение',
  sendPlaceholder: 'Напишите сообщение… Enter — отправить, Shift+Enter — новая строка',
  sendButton: 'Отправить',
  sendSending: 'Отправляем…',
  sendChannel: 'Канал',
  sendFailed: (reason) => `Не отправлено: ${reason}. Текст сохранён, попробуйте ещё раз.`,
  sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
};

/** The strings of each locale. */
export const consoleStrings: Record<Locale, ConsoleStrings> = { en, ru };
