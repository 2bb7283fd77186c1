import type { InboxDialog } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, useEffect, useId, useRef, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { clientDisplayName } from './clientDisplayName.js';
import { useStrings } from './ConsoleContext.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { cx } from './cx.js';
import { dialogListStrings, type DialogAssignee, type DialogListStrings } from './dialogListStrings.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters, type ConsoleFormatters } from './formatters.js';
import { LoadingState } from './LoadingState.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { operatorFullName } from './operatorName.js';
import { Segmented } from './Segmented.js';
import { useControllableState } from './useControllableState.js';
import { useDialogs } from './useDialogs.js';
import { useLoadMore } from './useLoadMore.js';
import { useVirtualListbox } from './useVirtualListbox.js';

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
/** The next page is requested once the viewport is this close (in rows) to the last loaded one. */
const PREFETCH_ROWS = 20;
const NO_UNREAD: Readonly<Record<number, number>> = {};

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
    unreadCounts = NO_UNREAD,
    pageSize,
    className,
    locale,
    'aria-label': ariaLabel,
    ...rootProps
  },
  ref,
): ReactElement {
  const strings = useStrings(dialogListStrings, locale);
  const format = useFormatters(locale);
  const api = useConsoleClient();
  const listId = `${useId()}dialogs`;
  const listRef = useRef<HTMLDivElement>(null);

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
  const listKey = `${state}:${assignee}`;

  const query = useDialogs({
    state,
    operatorId: assignee === 'mine' ? operatorId : undefined,
    unassigned: assignee === 'unassigned',
    pageSize,
  });
  const { dialogs, total } = query;
  const { loadMoreOnScroll, isLoadingMore, loadMoreFailed, loadMore } = useLoadMore(query);
  const operators = useQuery(consoleQueries.operators(api)).data;
  const operatorLabel = (id: number | null) => {
    if (id === null) return strings.dialogUnassigned;
    const operator = operators?.find((o) => o.id === id);
    return operator ? operatorFullName(operator) : `#${id}`;
  };

  const optionId = (dialog: InboxDialog) => `${listId}-${dialog.id}`;
  const { virtualizer, activeIndex, listProps } = useVirtualListbox({
    items: dialogs,
    rowHeight: DIALOG_ROW_HEIGHT,
    listRef,
    listKey,
    optionId,
    isSelected: (dialog) => dialog.id === selectedId,
    onSelect,
  });
  const lastInView = virtualizer.range?.endIndex ?? -1;

  useEffect(() => {
    if (lastInView >= dialogs.length - 1 - PREFETCH_ROWS) loadMoreOnScroll();
  }, [lastInView, dialogs.length, loadMoreOnScroll]);

  const showList = dialogs.length > 0;
  let body: ReactElement;
  if (query.isPending) {
    body = <LoadingState label={strings.dialogsLoading} rows={5} className="c2d-dialog-list__skeleton" />;
  } else if (query.isError && !showList) {
    body = <ErrorState title={strings.dialogsError} error={query.error} onRetry={() => void query.refetch()} locale={locale} />;
  } else if (!showList) {
    body = (
      <p className="c2d-state c2d-state--empty" role="status">
        {strings.dialogsEmpty(state, assignee)}
      </p>
    );
  } else {
    body = (
      <div
        // Other filters, another list: it starts at the top.
        key={listKey}
        ref={listRef}
        id={listId}
        className="c2d-dialog-list__listbox"
        role="listbox"
        tabIndex={0}
        aria-label={ariaLabel ?? strings.dialogListLabel}
        aria-busy={query.isFetching || undefined}
        {...listProps}
      >
        <div className="c2d-dialog-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const dialog = dialogs[item.index];
            return dialog ? (
              <DialogRow
                key={dialog.id}
                id={optionId(dialog)}
                dialog={dialog}
                index={item.index}
                start={item.start}
                setSize={Math.max(total ?? 0, dialogs.length)}
                selected={dialog.id === selectedId}
                active={item.index === activeIndex}
                unread={dialog.clientId === null ? 0 : (unreadCounts[dialog.clientId] ?? 0)}
                operator={operatorLabel(dialog.operatorId)}
                strings={strings}
                format={format}
              />
            ) : null;
          })}
        </div>
      </div>
    );
  }

  return (
    <div {...rootProps} ref={ref} className={cx('c2d', 'c2d-dialog-list', className)} data-state={query.status}>
      <div className="c2d-dialog-list__header">
        <Segmented
          legend={strings.dialogStateFilter}
          options={[
            ['open', strings.dialogStates.open],
            ['closed', strings.dialogStates.closed],
          ]}
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
        <p className="c2d-dialog-list__count" aria-live="polite">
          {total === undefined ? '' : strings.dialogCount(total, format.number(total))}
        </p>
      </div>
      {body}
      {showList && isLoadingMore && (
        <div className="c2d-dialog-list__footer" role="status">
          <span className="c2d-spinner" aria-hidden="true" />
          {strings.dialogsLoadingMore}
        </div>
      )}
      {showList && query.isError && (
        <ErrorState
          variant="inline"
          className="c2d-dialog-list__footer"
          title={strings.dialogsError}
          error={query.error}
          onRetry={loadMoreFailed ? loadMore : () => void query.refetch()}
          locale={locale}
        />
      )}
    </div>
  );
});

interface DialogRowProps {
  id: string;
  dialog: InboxDialog;
  index: number;
  start: number;
  setSize: number;
  selected: boolean;
  active: boolean;
  unread: number;
  operator: string;
  strings: DialogListStrings;
  format: ConsoleFormatters;
}

function DialogRow({ id, dialog, index, start, setSize, selected, active, unread, operator, strings, format }: DialogRowProps): ReactElement {
  const name = dialog.client ? clientDisplayName(dialog.client) : strings.dialogFallback(dialog.id);
  const at = dialog.lastMessageAt;
  return (
    <div
      id={id}
      role="option"
      className="c2d-dialog-row"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-active={active || undefined}
      data-state={dialog.state}
      data-unread={unread > 0 || undefined}
      style={{ transform: `translateY(${start}px)`, height: DIALOG_ROW_HEIGHT }}
    >
      <span className="c2d-dialog-row__line">
        <span className="c2d-dialog-row__name" title={name}>
          {name}
        </span>
        {at && (
          <time className="c2d-dialog-row__time" dateTime={at} title={format.dateTime(at)}>
            {format.short(at)}
          </time>
        )}
      </span>
      <span className="c2d-dialog-row__line">
        <span className="c2d-dialog-row__text">{dialog.lastMessage?.text}</span>
        {unread > 0 && (
          <span className="c2d-dialog-row__unread">
            <span aria-hidden="true">{unread}</span>
            <span className="c2d-visually-hidden">{strings.dialogUnread(unread)}</span>
          </span>
        )}
      </span>
      <span className="c2d-dialog-row__line c2d-dialog-row__meta">
        <span className="c2d-dialog-row__operator">{operator}</span>
        {dialog.state === 'closed' && <span className="c2d-dialog-row__state">{strings.dialogClosed}</span>}
      </span>
    </div>
  );
}
