/** What the operator does to a dialog. */
export type DialogActionName = 'transfer' | 'close' | 'reopen';

/** Strings of DialogActions. */
export interface DialogActionStrings {
  actionsLabel: string;
  actionsLoading: string;
  actionsError: string;
  /** The dialog's state and holder: "Open · Max Turner". */
  actionsStatus: (state: 'open' | 'closed', operator: string | null) => string;
  /** The bar's buttons, and the confirmation's own (the bar adds "…" to Transfer: it asks whom first). */
  actionButtons: Record<DialogActionName, string>;
  /** Said once it is done; `to` names whom a transfer went to. */
  actionDone: (action: DialogActionName, to?: string) => string;
  /** Why it failed: the proxy's message (for a seat that may not do it, the right it lacks). */
  actionFailed: (action: DialogActionName, reason: string) => string;
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
  confirmTransfer: (to: string) => string;
  /** Under the question when the operator is offline. */
  confirmOffline: string;
  confirmClose: string;
  confirmCloseHint: string;
  cancel: string;
}

/** Strings of DialogActions, in English (built in; other languages are packs: `locales/`). */
export const dialogActionStrings: DialogActionStrings = {
  actionsLabel: 'Dialog actions',
  actionsLoading: 'Loading the dialog…',
  actionsError: 'Could not load the dialog',
  actionsStatus: (state, operator) => `${state === 'open' ? 'Open' : 'Closed'} · ${operator ?? 'Unassigned'}`,
  actionButtons: { transfer: 'Transfer', close: 'Close dialog', reopen: 'Reopen' },
  actionDone: (action, to) => (to ? `Dialog transferred to ${to}` : action === 'close' ? 'Dialog closed' : 'Dialog reopened'),
  // The action's name is its English verb.
  actionFailed: (action, reason) => `Could not ${action} the dialog: ${reason}`,
  transferTo: 'Transfer to',
  transferSearch: 'Operator or group',
  transferOperators: 'Operators',
  transferGroups: 'Groups',
  transferNoMatches: 'Nobody matches',
  transferMore: (count) => `${count} more: type to find them`,
  transferLoading: 'Loading operators…',
  transferFailedToLoad: 'Could not load operators',
  operatorOnline: (online, open) => `${online ? 'online' : 'offline'} · ${open} open`,
  confirmTransfer: (to) => `Transfer this dialog to ${to}?`,
  confirmOffline: 'This operator is offline now.',
  confirmClose: 'Close this dialog?',
  confirmCloseHint: 'You can reopen it later.',
  cancel: 'Cancel',
};
