import type { InboxDialog } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { clientDisplayName } from './clientDisplayName.js';
import { useStrings } from './ConsoleContext.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { cx } from './cx.js';
import { dialogListStrings, type DialogAssignee, type DialogListStrings } from './dialogListStrings.js';
import { useFormatters, type ConsoleFormatters } from './formatters.js';
import { historyStrings, type HistoryStrings } from './historyStrings.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { mediaSummary } from './MessageMedia.js';
import { operatorFullName } from './operatorName.js';
import { Segmented } from './Segmented.js';
import { useControllableState } from './useControllableState.js';
import { useDialogs } from './useDialogs.js';
import { useLoadMore } from './useLoadMore.js';
import { ListRow, PagedListbox, type OptionProps } from './VirtualListbox.js';

export type { DialogAssignee };

/**
 * Props of {@link DialogList}: its own, and any prop of its root `<div>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface DialogListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onSelect' | 'children'> {
  /** Id of the selected dialog (marked `aria-selected`). */
  selectedId?: number | null;
  /** Called when the operator picks a dialog (click, Enter or Space). */
  onSelect?: (dialog: InboxDialog) => void;
  /** The operator using the console: enables the "Mine" filter (and makes it the default). */
  operatorId?: number;
  /** Open or closed dialogs, when the host controls the filter (pair with `onStateChange`). */
  state?: 'open' | 'closed';
  /** The state filter's initial value when uncontrolled (default `open`). */
  defaultState?: 'open' | 'closed';
  onStateChange?: (state: 'open' | 'closed') => void;
  /** Whose dialogs, when the host controls the filter (pair with `onAssigneeChange`). */
  assignee?: DialogAssignee;
  /** The operator filter's initial value when uncontrolled (default `mine` with an `operatorId`, else `all`). */
  defaultAssignee?: DialogAssignee;
  onAssigneeChange?: (assignee: DialogAssignee) => void;
  /**
   * Unread messages by client id (e.g. from the provider's event stream); a dialog of a client
   * with some shows a badge. Loosely coupled on purpose: any store of counts fits.
   */
  unreadCounts?: Readonly<Record<number, number>>;
  /** Dialogs per request (1..200, default 50). */
  pageSize?: number;
  className?: string;
  locale?: ConsoleLocale;
  /** Accessible name of the listbox (not of the root); defaults to "Dialogs". */
  'aria-label'?: string;
}

/** Height of one row (px): three lines (who and when, the last message, the operator). */
export const DIALOG_ROW_HEIGHT = 72;

/**
 * The operator's inbox: the account's dialogs, newest activity first, filtered open / closed and
 * mine / unassigned / all (native radio groups), in a virtualized ARIA listbox that loads more as
 * it scrolls, with the keyboard model of `ClientList`. Rows show the client, the last message
 * (one line), its time, the operator, the state and an unread badge. Loading, empty, error and
 * load-more states. The ref is the root `<div>`.
 */
export const DialogList = /* @__PURE__ */ forwardRef<HTMLDivElement, DialogListProps>(function DialogList(
  {
    selectedId,
    onSelect,
    operatorId,
    state: controlledState,
    defaultState = 'open',
    onStateChange,
    assignee: controlledAssignee,
    defaultAssignee,
    onAssigneeChange,
    unreadCounts,
    pageSize,
    className,
    locale,
    'aria-label': ariaLabel,
    ...rootProps
  },
  ref,
): ReactElement {
  const strings = useStrings(dialogListStrings, locale);
  // A last message without text (a photo, a place) is previewed by what it carries, as the history names it.
  const media = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const api = useConsoleClient();
  const listId = `${useId()}dialogs`;

  const [state, setState] = useControllableState({
    prop: controlledState,
    defaultProp: defaultState,
    onChange: onStateChange,
    caller: 'DialogList state',
  });
  const [chosenAssignee, setAssignee] = useControllableState<DialogAssignee>({
    prop: controlledAssignee,
    defaultProp: defaultAssignee ?? (operatorId === undefined ? 'all' : 'mine'),
    onChange: onAssigneeChange,
    caller: 'DialogList assignee',
  });
  // "Mine" means nothing without knowing who "I" am.
  const assignee = chosenAssignee === 'mine' && operatorId === undefined ? 'all' : chosenAssignee;

  const query = useDialogs({
    state,
    operatorId: assignee === 'mine' ? operatorId : undefined,
    unassigned: assignee === 'unassigned',
    pageSize,
  });
  const { dialogs, total } = query;
  const operators = useQuery(consoleQueries.operators(api)).data;
  const operatorLabel = (id: number | null) => {
    if (id === null) return strings.dialogAssignees.unassigned;
    const operator = operators?.find((o) => o.id === id);
    return operator ? operatorFullName(operator) : `#${id}`;
  };

  return (
    <PagedListbox
      rootProps={{ ...rootProps, ref, className: cx('c2d', 'c2d-dialog-list', className) }}
      block="c2d-dialog-list"
      query={query}
      paging={useLoadMore(query)}
      locale={locale}
      labels={{
        loading: strings.dialogsLoading,
        loadingMore: strings.dialogsLoadingMore,
        error: strings.dialogsError,
        empty: strings.dialogsEmpty(state, assignee),
      }}
      header={
        <>
          <Segmented
            legend={strings.dialogStateFilter}
            options={(['open', 'closed'] as const).map((option) => [option, strings.dialogStates[option]] as const)}
            value={state}
            onChange={setState}
          />
          <Segmented
            legend={strings.dialogAssigneeFilter}
            options={(['mine', 'unassigned', 'all'] as const)
              .filter((option) => option !== 'mine' || operatorId !== undefined)
              .map((option) => [option, strings.dialogAssignees[option]] as const)}
            value={assignee}
            onChange={setAssignee}
          />
          <p aria-live="polite">
            {total === undefined ? '' : strings.dialogCount(total, format.number(total))}
          </p>
        </>
      }
      // Other filters, another list: it starts at the top.
      listKey={`${state}:${assignee}`}
      id={listId}
      items={dialogs}
      selectedKey={selectedId}
      rowHeight={DIALOG_ROW_HEIGHT}
      total={total}
      label={ariaLabel ?? strings.dialogListLabel}
      onSelect={onSelect}
      renderRow={(dialog, option) => (
        <DialogRow
          key={option.id}
          option={option}
          dialog={dialog}
          unread={(dialog.clientId !== null && unreadCounts?.[dialog.clientId]) || 0}
          operator={operatorLabel(dialog.operatorId)}
          strings={strings}
          media={media}
          format={format}
        />
      )}
    />
  );
});

interface DialogRowProps {
  option: OptionProps;
  dialog: InboxDialog;
  unread: number;
  operator: string;
  strings: DialogListStrings;
  media: HistoryStrings;
  format: ConsoleFormatters;
}

function DialogRow({ option, dialog, unread, operator, strings, media, format }: DialogRowProps): ReactElement {
  const last = dialog.lastMessage;
  return (
    <ListRow
      option={option}
      block="c2d-dialog-row"
      data-state={dialog.state}
      name={dialog.client ? clientDisplayName(dialog.client) : strings.dialogFallback(dialog.id)}
      at={dialog.lastMessageAt}
      text={last ? last.text || mediaSummary(last, media) : undefined}
      unread={unread}
      unreadLabel={strings.dialogUnread(unread)}
      format={format}
    >
      <span className="c2d-dialog-row__operator">{operator}</span>
      {dialog.state === 'closed' && <span className="c2d-dialog-row__state">{strings.dialogClosed}</span>}
    </ListRow>
  );
}
