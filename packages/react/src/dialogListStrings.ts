/** Which dialogs of the inbox show, by who holds them. */
export type DialogAssignee = 'mine' | 'unassigned' | 'all';

/** Strings of DialogList. */
export interface DialogListStrings {
  dialogListLabel: string;
  dialogStateFilter: string;
  dialogStates: Record<'open' | 'closed', string>;
  dialogAssigneeFilter: string;
  dialogAssignees: Record<DialogAssignee, string>;
  dialogsLoading: string;
  dialogsLoadingMore: string;
  dialogsError: string;
  /** Nothing under these filters: "No open dialogs assigned to you". */
  dialogsEmpty: (state: 'open' | 'closed', assignee: DialogAssignee) => string;
  /** "1,234 dialogs"; `formatted` is `count` grouped in the locale. */
  dialogCount: (count: number, formatted: string) => string;
  /** Beside a closed dialog's operator. */
  dialogClosed: string;
  /** A dialog with no client the proxy could name. */
  dialogFallback: (id: number) => string;
  /** Said after the badge's number: "3 unread". */
  dialogUnread: (count: number) => string;
}

/** Strings of DialogList, in English (built in; other languages are packs: `locales/`). */
export const dialogListStrings: DialogListStrings = {
  dialogListLabel: 'Dialogs',
  dialogStateFilter: 'State',
  dialogStates: { open: 'Open', closed: 'Closed' },
  dialogAssigneeFilter: 'Operator',
  dialogAssignees: { mine: 'Mine', unassigned: 'Unassigned', all: 'All' },
  dialogsLoading: 'Loading dialogs…',
  dialogsLoadingMore: 'Loading more…',
  dialogsError: 'Could not load dialogs',
  dialogsEmpty: (state, assignee) =>
    `No ${state} dialogs${assignee === 'mine' ? ' assigned to you' : assignee === 'unassigned' ? ' without an operator' : ''}`,
  dialogCount: (count, formatted) => `${formatted} dialog${count === 1 ? '' : 's'}`,
  dialogClosed: 'Closed',
  dialogFallback: (id) => `Dialog ${id}`,
  dialogUnread: (count) => `${count} unread`,
};
