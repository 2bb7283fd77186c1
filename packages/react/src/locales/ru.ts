import type { ClientCardStrings } from '../clientCardStrings.js';
import type { ClientFrameStrings } from '../clientFrameStrings.js';
import type { ClientListStrings } from '../clientListStrings.js';
import type { DialogActionStrings } from '../dialogActionStrings.js';
import type { DialogListStrings } from '../dialogListStrings.js';
import type { FrameStrings } from '../frameStrings.js';
import type { HistoryStrings } from '../historyStrings.js';
import type { SendStrings } from '../sendStrings.js';
import type { StateStrings } from '../stateStrings.js';
import type { ConsoleLocale } from '../ConsoleLocale.js';
import { plural } from '../plural.js';

const frame: FrameStrings = {
  frameTitle: (id) => (id ? `Диалог Chat2Desk ${id}` : 'Диалоги Chat2Desk'),
  frameLoading: 'Загружаем Chat2Desk…',
  frameTimeoutTitle: 'Chat2Desk не открылся здесь',
  frameTimeoutReason: 'Возможно, нужно войти, или браузер блокирует сторонние cookie во фреймах.',
  frameOpenInChat2Desk: 'Открыть в Chat2Desk',
  frameNewTab: '(в новой вкладке)',
  frameRetry: 'Повторить',
  frameInvalid: 'Этот диалог нельзя показать',
  modeSwitchLabel: 'Вид диалога',
  modeLabels: { 1: 'Полный', 2: 'Диалог', 3: 'Просмотр' },
  modeHints: {
    1: 'Chat2Desk без меню',
    2: 'Этот диалог, с ответом',
    3: 'Этот диалог, без ответа',
  },
};

const clientFrame: ClientFrameStrings = {
  clientFrameFinding: 'Ищем диалог клиента…',
  clientFrameNoDialog: 'С этим клиентом ещё нет диалога',
  clientFrameNoDialogText: 'Он появится, когда напишет клиент или оператор.',
  clientFrameNoClient: (phone) => `Нет клиента с телефоном ${phone}`,
  clientFrameError: 'Не удалось найти диалог клиента',
};

const clientList: ClientListStrings = {
  clientListLabel: 'Клиенты',
  clientSearchLabel: 'Поиск клиентов',
  clientSearchPlaceholder: 'Имя или телефон',
  clientSearchClear: 'Очистить поиск',
  clientCount: (count, formatted) =>
    `${formatted} ${plural('ru', count, { one: 'клиент', few: 'клиента', many: 'клиентов', other: 'клиента' })}`,
  clientsLoading: 'Загружаем клиентов…',
  clientsLoadingMore: 'Загружаем ещё…',
  clientsEmpty: 'Клиентов пока нет',
  clientsNoMatches: (search) => `По запросу «${search}» ничего не найдено`,
  clientsError: 'Не удалось загрузить клиентов',
  // "из 21 клиента", "из 22 клиентов", "из 12 480 клиентов": genitive after "из".
  clientsSearchedPartially: (_, total, searched, all) =>
    `Поиск по ${searched} из ${all} ${plural('ru', total, { one: 'клиента', few: 'клиентов', many: 'клиентов', other: 'клиента' })}`,
  clientsSearchMore: 'Искать среди других клиентов',
  clientUnread: (count, formatted) =>
    `${formatted} ${plural('ru', count, {
      one: 'непрочитанное сообщение',
      few: 'непрочитанных сообщения',
      many: 'непрочитанных сообщений',
      other: 'непрочитанного сообщения',
    })}`,
  clientTagFilter: 'Фильтр по тегу',
  clientTagAll: 'Все теги',
  clientTagsLoading: 'Загружаем теги…',
  clientTagsError: 'Не удалось загрузить теги',
  clientNoTags: 'Тегов пока нет',
  clientsNoneTagged: 'Нет клиентов с этим тегом',
};

const dialogList: DialogListStrings = {
  dialogListLabel: 'Диалоги',
  dialogStateFilter: 'Состояние',
  dialogStates: { open: 'Открытые', closed: 'Закрытые' },
  dialogAssigneeFilter: 'Оператор',
  dialogAssignees: { mine: 'Мои', unassigned: 'Без оператора', all: 'Все' },
  dialogsLoading: 'Загружаем диалоги…',
  dialogsLoadingMore: 'Загружаем ещё…',
  dialogsError: 'Не удалось загрузить диалоги',
  dialogsEmpty: (state, assignee) =>
    `Нет ${state === 'open' ? 'открытых' : 'закрытых'} диалогов${assignee === 'mine' ? ', назначенных вам' : assignee === 'unassigned' ? ' без оператора' : ''}`,
  dialogCount: (count, formatted) =>
    `${formatted} ${plural('ru', count, { one: 'диалог', few: 'диалога', many: 'диалогов', other: 'диалога' })}`,
  dialogClosed: 'Закрыт',
  dialogFallback: (id) => `Диалог ${id}`,
  dialogUnread: (count) => `${count} ${plural('ru', count, { one: 'непрочитанное', other: 'непрочитанных' })}`,
};

const dialogAction: DialogActionStrings = {
  actionsLabel: 'Действия с диалогом',
  actionsLoading: 'Загружаем диалог…',
  actionsError: 'Не удалось загрузить диалог',
  actionsStatus: (state, operator) => `${state === 'open' ? 'Открыт' : 'Закрыт'} · ${operator ?? 'без оператора'}`,
  actionButtons: { transfer: 'Передать', close: 'Закрыть диалог', reopen: 'Открыть снова' },
  actionDone: (action, to) => (to ? `Диалог передан: ${to}` : action === 'close' ? 'Диалог закрыт' : 'Диалог открыт снова'),
  actionFailed: (action, reason) =>
    `Не удалось ${action === 'close' ? 'закрыть' : action === 'reopen' ? 'открыть' : 'передать'} диалог: ${reason}`,
  transferTo: 'Кому передать',
  transferSearch: 'Оператор или группа',
  transferOperators: 'Операторы',
  transferGroups: 'Группы',
  transferNoMatches: 'Никого не нашлось',
  transferMore: (count) => `И ещё ${count}: введите имя`,
  transferLoading: 'Загружаем операторов…',
  transferFailedToLoad: 'Не удалось загрузить операторов',
  operatorOnline: (online, open) => `${online ? 'в сети' : 'не в сети'} · открытых: ${open}`,
  confirmTransfer: (to) => `Передать диалог: ${to}?`,
  confirmOffline: 'Этот оператор сейчас не в сети.',
  confirmClose: 'Закрыть диалог?',
  confirmCloseHint: 'Его можно будет открыть снова.',
  cancel: 'Отмена',
};

const clientCard: ClientCardStrings = {
  cardLoading: 'Загружаем клиента…',
  cardError: 'Не удалось загрузить клиента',
  cardNotFound: 'Клиент не найден',
  cardName: 'Своё имя',
  cardPhone: 'Телефон',
  cardExtraComment: (n) => `Доп. комментарий ${n}`,
  cardComment: 'Комментарий',
  cardNoComment: 'Комментария пока нет',
  cardEdit: 'Изменить',
  cardSave: 'Сохранить',
  cardSaving: 'Сохраняем…',
  cardCancel: 'Отмена',
  cardCommentKeys: 'Ctrl+Enter — сохранить, Esc — отменить',
  cardSaveFailed: (reason) => `Не сохранено: ${reason}`,
  cardTags: 'Теги',
  cardNoTags: 'Тегов нет',
  cardAddTag: 'Добавить тег',
  cardTagSearch: 'Тег',
  cardNoTagMatches: 'Нет подходящих тегов',
  cardTagsLoading: 'Загружаем теги…',
  cardTagsError: 'Не удалось загрузить теги',
  cardMoreTags: (count) => `И ещё ${count}: введите название, чтобы найти`,
  cardRemoveTag: (label) => `Убрать тег ${label}`,
  cardTagFailed: (reason) => `Теги не изменены: ${reason}`,
  cardRefused: (reason) => `Нет прав: ${reason}`,
};

const history: HistoryStrings = {
  transfersLabel: 'История передач',
  transfersLoading: 'Загружаем передачи…',
  transfersEmpty: 'Диалог ещё не передавали',
  transfersError: 'Не удалось загрузить передачи',
  transfersMore: 'Показать ещё',
  transferQueue: 'Очередь',
  transferHandedTo: 'передан',
  transferPending: 'Передаём…',
  operatorFallback: (id) => `Оператор #${id}`,
  messagesLabel: 'Сообщения',
  messagesLoading: 'Загружаем сообщения…',
  messagesEmpty: 'Сообщений пока нет',
  messagesError: 'Не удалось загрузить сообщения',
  messagesOlder: 'Загрузить более ранние',
  messageAuthor: {
    from_client: 'Клиент',
    to_client: 'Оператор',
    system: 'Система',
    autoreply: 'Автоответ',
    comment: 'Заметка',
  },
  messageSending: 'Отправляется…',
  messagesNew: (count, formatted) =>
    `${formatted} ${plural('ru', count, { one: 'новое сообщение', few: 'новых сообщения', many: 'новых сообщений', other: 'нового сообщения' })}`,
  // A name cannot be put in the genitive case here ("от Анны"): it goes after a full stop.
  messageNewFrom: (name, text) => (name ? `Новое сообщение. ${name}: ${text}` : `Новое сообщение от клиента: ${text}`),
  messageUnknownType: (type) => `Неподдерживаемое сообщение (${type}): откройте его в Chat2Desk`,
  mediaKinds: { photo: 'Фото', pdf: 'PDF-документ', file: 'Файл', audio: 'Аудиосообщение', video: 'Видео', location: 'Геопозиция' },
  mediaFullSize: '(в полном размере, в новой вкладке)',
  mediaNewTab: '(в новой вкладке)',
};

/** "0,1": a decimal comma. */
const decimal = (value: number): string => String(value).replace('.', ',');

const send: SendStrings = {
  sendLabel: 'Сообщение',
  sendPlaceholder: 'Напишите сообщение… / — быстрые ответы',
  sendButton: 'Отправить',
  sendSending: 'Отправляем…',
  sendChannel: 'Канал',
  sendFailed: (reason) => `Не отправлено: ${reason}. Попробуйте ещё раз.`,
  sendUnconfirmed: (reason) => `Не подтверждено: ${reason}. Сообщение могло дойти: проверьте историю, прежде чем отправлять снова.`,
  sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
  sendRefused: (reason) => `Нет прав: ${reason}.`,
  sendKind: 'Что пишем',
  sendKinds: { to_client: 'Ответ', comment: 'Заметка' },
  notePlaceholder: 'Внутренняя заметка: её видят только операторы…',
  noteButton: 'Добавить заметку',
  quickReplies: 'Быстрые ответы',
  quickRepliesFound: (count) => `Быстрых ответов: ${count}. Стрелки — выбрать, Enter — вставить, Esc — закрыть`,
  quickRepliesNone: 'Нет подходящих быстрых ответов',
  attach: 'Прикрепить файл',
  attachLimits: (megabytes, accept) => `До ${decimal(megabytes)} МБ: ${accept ?? 'фото, видео, аудио, PDF, документы'}`,
  attachUploading: (name) => `Загружаем ${name}…`,
  attachRemove: (name) => `Убрать ${name}`,
  attachTooBig: (name, megabytes) => `${name} больше ${decimal(megabytes)} МБ`,
  attachWrongType: (name) => `${name}: такой файл прикрепить нельзя`,
  attachFailed: (name, reason) => `Не удалось загрузить ${name}: ${reason}`,
};

const state: StateStrings = {
  retry: 'Повторить',
  upstreamQuota:
    'Месячная квота запросов к API Chat2Desk для этого аккаунта исчерпана: ничего не загружается и не отправляется. Попросите администратора Chat2Desk увеличить лимит или пополнить баланс.',
  upstreamAuth: 'Chat2Desk отклонил API-токен консоли. Администратор вашего сервера должен указать действующий CHAT2DESK_API_TOKEN.',
};

/** Russian: every string of the console, with Russian dates, numbers and plurals. `<ConsoleProvider locale={ru}>`. */
export const ru: ConsoleLocale = {
  code: 'ru-RU',
  strings: { ...frame, ...clientFrame, ...clientList, ...dialogList, ...dialogAction, ...clientCard, ...history, ...send, ...state },
};
