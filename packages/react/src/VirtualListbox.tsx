import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ComponentPropsWithRef, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { ErrorState } from './ErrorState.js';
import type { ConsoleFormatters } from './formatters.js';
import { listboxFocusIndex, listboxKeyAction, listboxPageSize } from './listboxKeyboard.js';
import { LoadingState } from './LoadingState.js';
import type { LoadMore } from './useLoadMore.js';

/** What one option's element carries, for its row to spread: identity, state, place. */
export interface OptionProps {
  id: string;
  role: 'option';
  'aria-selected': boolean;
  'aria-setsize': number;
  'aria-posinset': number;
  'data-index': number;
  'data-active': true | undefined;
  style: CSSProperties;
}

/** Props of {@link VirtualListbox}. */
export interface VirtualListboxProps<T extends { id: number }> {
  /** The listbox's id (a widget focuses it by this); each option's is `{id}-{item id}`. */
  id: string;
  /** The widget's class: the listbox is `{block}__listbox`, the box that sizes it `{block}__sizer`. */
  block: string;
  /** The options; the active one stays on its item (by id) when the list reorders. */
  items: readonly T[];
  selectedKey: number | null | undefined;
  /** Fixed height of every option (px): the virtualizer never measures. */
  rowHeight: number;
  /** How many options there are, loaded or not, when known (`aria-setsize`: at least the loaded ones). */
  total: number | undefined;
  /** The listbox's accessible name. */
  label: string;
  /** A refetch is running (`aria-busy`). */
  busy: boolean;
  onSelect?: ((item: T) => void) | undefined;
  /** Called when the viewport nears the last loaded option: the next page, if any. */
  onNearEnd?: (() => void) | undefined;
  /** One row: an element keyed `option.id` whose root spreads `option`. */
  renderRow: (item: T, option: OptionProps) => ReactNode;
}

/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 4;
/** {@link VirtualListboxProps.onNearEnd} is called once the viewport is this close (in rows) to the last loaded one. */
const PREFETCH_ROWS = 20;

/**
 * @internal The virtualized single-select listbox of `ClientList` and `DialogList`: focus stays
 * on the list and marks the active option with `aria-activedescendant` (the keyboard model of
 * `listboxKeyboard`): arrows, Home/End, PageUp/PageDown, Enter/Space, a click, focus landing on
 * the selected option when it is in view. The active option is an item, not a position (it
 * stays on the same client when clients with new messages move up), and stays rendered when
 * scrolled away, so the descendant exists. One click listener on the list serves every row.
 * Give it a `key` naming its contents (the filters): another list starts at the top, nothing active.
 */
export function VirtualListbox<T extends { id: number }>({
  id,
  block,
  items,
  selectedKey,
  rowHeight,
  total,
  label,
  busy,
  onSelect,
  onNearEnd,
  renderRow,
}: VirtualListboxProps<T>): ReactElement {
  const listRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<number>();
  const activeIndex = items.findIndex((item) => item.id === activeKey);

  // The virtualizer's methods read live scroll state, so nothing here memoizes them (the rule
  // warns for React Compiler, which this package does not use).
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // The active option stays rendered when scrolled away: `aria-activedescendant` must exist.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < 0 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].toSorted((a, b) => a - b);
    },
  });
  const range = virtualizer.range;
  const lastInView = range?.endIndex ?? -1;
  useEffect(() => {
    if (lastInView >= items.length - 1 - PREFETCH_ROWS) onNearEnd?.();
  }, [lastInView, items.length, onNearEnd]);

  const activate = (index: number) => setActiveKey(items[index]?.id);
  const select = (index: number) => {
    const item = items[index];
    if (item) onSelect?.(item);
  };
  const setSize = Math.max(total ?? 0, items.length);

  return (
    <div
      ref={listRef}
      id={id}
      className={`${block}__listbox`}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeIndex < 0 ? undefined : `${id}-${activeKey}`}
      aria-busy={busy || undefined}
      onKeyDown={(event) => {
        const action = listboxKeyAction(event.key, activeIndex, items.length, listboxPageSize(event.currentTarget.clientHeight, rowHeight));
        if (!action) return;
        event.preventDefault();
        if (action.type === 'move') {
          activate(action.index);
          virtualizer.scrollToIndex(action.index, { align: 'auto' });
        } else if (action.type === 'select') select(action.index);
      }}
      // Focus (by Tab, or from a search box) lands where the user is looking.
      onFocus={() => {
        if (activeIndex < 0) {
          activate(listboxFocusIndex(items.findIndex((item) => item.id === selectedKey), range?.startIndex ?? -1, lastInView));
        }
      }}
      onClick={(event) => {
        const row = (event.target as Element).closest<HTMLElement>('[data-index]');
        if (!row) return;
        const index = Number(row.dataset.index);
        activate(index);
        select(index);
      }}
    >
      <div className={`${block}__sizer`} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map(({ index, start }) => {
          const item = items[index];
          return (
            item &&
            renderRow(item, {
              id: `${id}-${item.id}`,
              role: 'option',
              'aria-selected': item.id === selectedKey,
              'aria-setsize': setSize,
              'aria-posinset': index + 1,
              'data-index': index,
              'data-active': index === activeIndex || undefined,
              style: { transform: `translateY(${start}px)`, height: rowHeight },
            })
          );
        })}
      </div>
    </div>
  );
}

/** Props of {@link PagedListbox}: the widget's root, its header, its query's states and the listbox. */
export interface PagedListboxProps<T extends { id: number }> extends Omit<VirtualListboxProps<T>, 'busy' | 'onNearEnd'> {
  /** The root `<div>`'s props, its ref and class (`c2d {block}`, the host's) among them. */
  rootProps: ComponentPropsWithRef<'div'>;
  /** Names the list's contents (the filters): another key, another list, at the top with nothing active. */
  listKey: string;
  /** Above the list: search box, filters, count. */
  header: ReactNode;
  /** Under the list, before the paging footers (ClientList's "Search more"). */
  footer?: ReactNode;
  query: { status: string; isPending: boolean; isError: boolean; isFetching: boolean; error: Error | null; refetch: () => unknown };
  paging: LoadMore;
  /** Page on scroll (default true); a search ClientList does itself grows only on request. */
  pageOnScroll?: boolean;
  /** What the states say: loading, loading more, failed, nothing to list. */
  labels: { loading: string; loadingMore: string; error: string; empty: string };
  locale: ConsoleLocale | undefined;
}

/**
 * @internal The shell of `ClientList` and `DialogList`: the root with its query's status, the
 * header, then a loading skeleton, an error with Retry, an empty status or the
 * {@link VirtualListbox}, and the footers of a list that pages: loading more, and a failure with
 * Retry under what stays loaded (the next page, or a refresh).
 */
export function PagedListbox<T extends { id: number }>({
  rootProps,
  header,
  footer,
  query,
  paging,
  pageOnScroll = true,
  listKey,
  labels,
  locale,
  ...listbox
}: PagedListboxProps<T>): ReactElement {
  const { block } = listbox;
  const showList = listbox.items.length > 0;
  const refetch = () => void query.refetch();
  return (
    <div {...rootProps} data-state={query.status}>
      <div className={`${block}__header`}>{header}</div>
      {query.isPending ? (
        <LoadingState label={labels.loading} rows={5} />
      ) : query.isError && !showList ? (
        <ErrorState title={labels.error} error={query.error} onRetry={refetch} locale={locale} />
      ) : showList ? (
        <VirtualListbox key={listKey} {...listbox} busy={query.isFetching} onNearEnd={pageOnScroll ? paging.loadMoreOnScroll : undefined} />
      ) : (
        <p className="c2d-state c2d-state--empty" role="status">
          {labels.empty}
        </p>
      )}
      {footer}
      {paging.isLoadingMore && (
        <div className={`${block}__footer`} role="status">
          <span className="c2d-spinner" aria-hidden="true" />
          {labels.loadingMore}
        </div>
      )}
      {showList && query.isError && (
        <ErrorState
          variant="inline"
          className={`${block}__footer`}
          title={labels.error}
          error={query.error}
          onRetry={paging.loadMoreFailed ? paging.loadMore : refetch}
          locale={locale}
        />
      )}
    </div>
  );
}

/** Props of {@link ListRow}. */
export interface ListRowProps {
  option: OptionProps;
  /** The row's class (`c2d-client-row`, `c2d-dialog-row`); its parts are `{block}__name`, `__text`, `__unread` and a `<time>`. */
  block: string;
  name: string;
  /** When it last moved (ISO): short, in full on hover. */
  at: string | null | undefined;
  /** Under the name: the phone, the last message. */
  text: ReactNode;
  unread: number;
  /** The unread count in words, for screen readers: "3 unread messages". */
  unreadLabel: string;
  format: ConsoleFormatters;
  /** Before the name (the avatar), or after the rest (the operator). */
  lead?: ReactNode;
  children?: ReactNode;
  'data-state'?: string;
}

/**
 * @internal One option of `ClientList` or `DialogList`: the name (its tooltip the whole name),
 * the time, a line of text, an unread badge (the number shown, its words said), laid out by
 * the block's CSS grid.
 */
export function ListRow({ option, block, name, at, text, unread, unreadLabel, format, lead, children, ...data }: ListRowProps): ReactElement {
  return (
    <div {...option} {...data} className={block} data-unread={unread > 0 || undefined}>
      {lead}
      <span className={`${block}__name`} title={name}>
        {name}
      </span>
      {at && (
        <time dateTime={at} title={format.dateTime(at)}>
          {format.short(at)}
        </time>
      )}
      {text && <span className={`${block}__text`}>{text}</span>}
      {unread > 0 && (
        <span className={`${block}__unread`}>
          <span aria-hidden="true">{format.number(unread)}</span>
          <span className="c2d-visually-hidden"> {unreadLabel}</span>
        </span>
      )}
      {children}
    </div>
  );
}
