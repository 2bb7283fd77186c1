import type { Localized } from './Localized.js';

/** What the operator does to a dialog. */
export type DialogActionName = 'transfer' | 'close' | 'reopen';

/** Strings of DialogActions. */
export interface DialogActionStrings {
  actionsLabel: string;
  actionsLoading: string;
  actionsError: string;
  /** The dialog's state and holder: "Open · Max Turner". */
  actionsStatus: (state: 'open' | 'closed', operator: string | null) => string;
  actionButtons: Record<DialogActionName, string>;
  /** The confirmation's own button. */
  actionConfirm: Record<'transfer' | 'close', string>;
  /** While the proxy works on it. */
  actionPending: Record<DialogActionName, string>;
  /** Said once it is done. */
  actionDone: (action: DialogActionName, to: string | null) => string;
  actionFailed: (action: DialogActionName, reason: string) => string;
  /** The proxy refused: this seat may not do it (the proxy's message says which right is missing). */
  actionForbidden: (reason: string) => string;
  transferTo: string;
  transferSearch: string;
  transferOperators: string;
  transferGroups: string;
  transferNoMatches: string;
  /** Under a list cut short: how many more match the search. */
  transferMore: (count: number) => string;
  transferLoading: string;
  transferFailedToLoad: string;
  operatorOnline: (online: boolean, openDialogs: number) => string;
  groupSize: (operators: number) => string;
  confirmTransfer: (to: string) => string;
  /** Under the question when the operator is offline. */
  confirmOffline: string;
  confirmClose: string;
  confirmCloseHint: string;
  cancel: string;
}

/** Strings of DialogActions, in English and Russian. */
export const dialogActionStrings: Localized<DialogActionStrings> = {
  en: {
    actionsLabel: 'Dialog actions',
    actionsLoading: 'Loading the dialog…',
    actionsError: 'Could not load the dialog',
    actionsStatus: (state, operator) => `${state === 'open' ? 'Open' : 'Closed'} · ${operator ?? 'Unassigned'}`,
    actionButtons: { transfer: 'Transfer…', close: 'Close dialog', reopen: 'Reopen' },
    actionConfirm: { transfer: 'Transfer', close: 'Close dialog' },
    actionPending: { transfer: 'Transferring…', close: 'Closing…', reopen: 'Reopening…' },
    actionDone: (action, to) => (action === 'transfer' ? `Dialog transferred to ${to}` : action === 'close' ? 'Dialog closed' : 'Dialog reopened'),
    actionFailed: (action, reason) => `Could not ${action === 'close' ? 'close' : action === 'reopen' ? 'reopen' : 'transfer'} the dialog: ${reason}`,
    actionForbidden: (reason) => `Not allowed: ${reason}`,
    transferTo: 'Transfer to',
    transferSearch: 'Operator or group',
    transferOperators: 'Operators',
    transferGroups: 'Groups',
    transferNoMatches: 'Nobody matches',
    transferMore: (count) => `${count} more: type a name to find them`,
    transferLoading: 'Loading operators…',
    transferFailedToLoad: 'Could not load operators',
    operatorOnline: (online, open) => `${online ? 'online' : 'offline'} · ${open} open`,
    groupSize: (count) => `${count} ${count === 1 ? 'operator' : 'operators'}`,
    confirmTransfer: (to) => `Transfer this dialog to ${to}?`,
    confirmOffline: 'This operator is offline now.',
    confirmClose: 'Close this dialog?',
    confirmCloseHint: 'It leaves the open dialogs; it can be reopened.',
    cancel: 'Cancel',
  },
  ru: {
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
  },
};
