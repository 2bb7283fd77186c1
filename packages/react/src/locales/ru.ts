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
  frameTimeoutReason:
    'Возможно, нужно войти в Chat2Desk, или браузер блокирует сторонние cookie во фреймах. Откройте его в новой вкладке.',
  frameOpenInChat2Desk: 'Открыть в Chat2Desk',
  frameNewTab: '(в новой вкладке)',
  frameRetry: 'Повторить',
  frameInvalid: 'Диалог Chat2Desk нельзя показать',
  modeSwitchLabel: 'Вид диалога',
  modeLabels: { 1: 'Полный', 2: 'Диалог', 3: 'Просмотр' },
  modeHints: {
    1: 'Chat2Desk без левого меню',
    2: 'Только этот диалог, с ответом',
    3: 'Только этот диалог, без ответа',
  },
};

const clientFrame: ClientFrameStrings = {
  clientFrameFinding: 'Ищем диалог клиента…',
  clientFrameNoDialog: 'С этим клиентом ещё нет диалога',
  clientFrameNoDialogText: 'Он появится здесь, когда клиент напишет или ему напишет оператор.',
  clientFrameNoClient: (phone) => `Нет клиента с телефоном ${phone}`,
  clientFrameError: 'Не удалось найти диалог клиента',
  clientFrameInvalid: 'Передайте ClientDialogFrame либо clientId (целое положительное число), либо phone, но не оба',
};

const clientList: ClientListStrings = {
  clientListLabel: 'Клиенты',
  clientSearchLabel: 'Поиск клиентов',
  clientSearchPlaceholder: 'Имя или телефон',
  clientSearchClear: 'Очистить поиск',
  clientCount: (count, formatted) =>
    `${formatted} ${plural('ru', count, { one: 'клиент', few: 'клиента', many: 'клиентов', other: 'клиента' })}`,
  clientsLoading: 'Загружаем клиентов…',
  clientsLoadingMore: 'Загружаем ещё клиентов…',
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
  clientNoTags: 'В аккаунте нет тегов',
  clientsNoneTagged: 'Нет клиентов с этим тегом',
};

const dialogList: DialogListStrings = {
  dialogListLabel: 'Диалоги',
  dialogStateFilter: 'Состояние',
  dialogStates: { open: 'Открытые', closed: 'Закрытые' },
  dialogAssigneeFilter: 'Оператор',
  dialogAssignees: { mine: 'Мои', unassigned: 'Без оператора', all: 'Все' },
  dialogsLoading: 'Загружаем диалоги…',
  dialogsLoadingMore: 'Загружаем ещё диалоги…',
  dialogsError: 'Не удалось загрузить диалоги',
  dialogsEmpty: (state, assignee) =>
    `Нет ${state === 'open' ? 'открытых' : 'закрытых'} диалогов${assignee === 'mine' ? ', назначенных вам' : assignee === 'unassigned' ? ' без оператора' : ''}`,
  dialogCount: (count, formatted) =>
    `${formatted} ${plural('ru', count, { one: 'диалог', few: 'диалога', many: 'диалогов', other: 'диалога' })}`,
  dialogUnassigned: 'Без оператора',
  dialogClosed: 'Закрыт',
  dialogFallback: (id) => `Диалог ${id}`,
  dialogUnread: (count) => `${count} ${plural('ru', count, { one: 'непрочитанное', other: 'непрочитанных' })}`,
};

const dialogAction: DialogActionStrings = {
  actionsLabel: 'Действия с диалогом',
  actionsLoading: 'Загружаем диалог…',
  actionsError: 'Не удалось загрузить диалог',
  actionsStatus: (state, operator) => `${state === 'open' ? 'Открыт' : 'Закрыт'} · ${operator ?? 'без оператора'}`,
  actionButtons: { transfer: 'Передать…', close: 'Закрыть диалог', reopen: 'Открыть снова' },
  actionConfirm: { transfer: 'Передать', close: 'Закрыть диалог' },
  actionPending: { transfer: 'Передаём…', close: 'Закрываем…', reopen: 'Открываем…' },
  actionDone: (action, to) => (action === 'transfer' ? `Диалог передан: ${to}` : action === 'close' ? 'Диалог закрыт' : 'Диалог открыт снова'),
  actionFailed: (action, reason) =>
    `Не удалось ${action === 'close' ? 'закрыть' : action === 'reopen' ? 'открыть' : 'передать'} диалог: ${reason}`,
  actionForbidden: (reason) => `Нет прав: ${reason}`,
  transferTo: 'Кому передать',
  transferSearch: 'Оператор или группа',
  transferOperators: 'Операторы',
  transferGroups: 'Группы',
  transferNoMatches: 'Никого не нашлось',
  transferMore: (count) => `И ещё ${count}: введите имя, чтобы найти`,
  transferLoading: 'Загружаем операторов…',
  transferFailedToLoad: 'Не удалось загрузить операторов',
  operatorOnline: (online, open) => `${online ? 'в сети' : 'не в сети'} · открытых: ${open}`,
  groupSize: (count) => `операторов: ${count}`,
  confirmTransfer: (to) => `Передать диалог: ${to}?`,
  confirmOffline: 'Этот оператор сейчас не в сети.',
  confirmClose: 'Закрыть диалог?',
  confirmCloseHint: 'Он уйдёт из открытых; его можно открыть снова.',
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
  transfersMoreError: 'Не удалось загрузить ещё передачи',
  transferQueue: 'Очередь',
  transferHandedTo: 'передан',
  transferPending: 'Передаём…',
  operatorFallback: (id) => `Оператор #${id}`,
  messagesLabel: 'Сообщения',
  messagesLoading: 'Загружаем сообщения…',
  messagesEmpty: 'Сообщений пока нет',
  messagesError: 'Не удалось загрузить сообщения',
  messagesOlder: 'Загрузить более ранние',
  messagesLoadingOlder: 'Загружаем более ранние…',
  messagesOlderError: 'Не удалось загрузить более ранние сообщения',
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
  mediaPhoto: (name) => (name ? `Фото ${name}` : 'Фото'),
  mediaFullSize: '(в полном размере, в новой вкладке)',
  mediaNewTab: '(в новой вкладке)',
  mediaKinds: { pdf: 'PDF-документ', file: 'Файл' },
  mediaFileHint: (kind, newTab) => `(${kind === 'pdf' ? 'PDF-документ' : 'файл'}${newTab ? ', в новой вкладке' : ''})`,
  mediaAudio: 'Аудиосообщение',
  mediaVideo: 'Видео',
  mediaLocation: 'Геопозиция',
};

const send: SendStrings = {
  sendLabel: 'Сообщение',
  sendPlaceholder: 'Напишите сообщение… Enter — отправить, Shift+Enter — новая строка, / — быстрые ответы',
  sendButton: 'Отправить',
  sendSending: 'Отправляем…',
  sendChannel: 'Канал',
  sendFailed: (reason) => `Не отправлено: ${reason}. Текст сохранён, попробуйте ещё раз.`,
  sendUnconfirmed: (reason) =>
    `Не подтверждено: ${reason}. Сообщение могло дойти: проверьте историю, прежде чем отправлять снова. Текст сохранён.`,
  sendTooLong: (length, max) => `Слишком длинно: ${length} из ${max} символов`,
  sendRefused: (reason) => `Нет прав: ${reason}. Текст сохранён.`,
  sendKind: 'Что пишем',
  sendKinds: { to_client: 'Ответ', comment: 'Заметка' },
  notePlaceholder: 'Внутренняя заметка: её видят только операторы…',
  noteButton: 'Добавить заметку',
  quickReplies: 'Быстрые ответы',
  quickRepliesFound: (count) => `Быстрых ответов: ${count}. Стрелки — выбрать, Enter — вставить, Esc — закрыть`,
  quickRepliesNone: 'Нет подходящих быстрых ответов',
  attach: 'Прикрепить файл',
  attachLimits: (size, accept) => `До ${size}: ${accept ?? 'фото, видео, аудио, PDF, документы'}`,
  attachUploading: (name) => `Загружаем ${name}…`,
  attachRemove: (name) => `Убрать ${name}`,
  attachTooBig: (name, size) => `${name} больше ${size}`,
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
