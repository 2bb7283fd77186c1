import type { Client } from '@c2d-console/core';
import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { Avatar } from './Avatar.js';
import type { ClientActivity } from './clientActivity.js';
import { clientDisplayName } from './clientDisplayName.js';
import { useStrings } from './ConsoleContext.js';
import { clientListStrings, type ClientListStrings } from './clientListStrings.js';
import { ClientTagFilter } from './ClientTagFilter.js';
import { cx } from './cx.js';
import { formatPhone } from './formatPhone.js';
import { useFormatters, type ConsoleFormatters } from './formatters.js';
import { parseClientSearch } from './parseClientSearch.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { useActiveClientsFirst } from './useActiveClientsFirst.js';
import { useClientSearch } from './useClientSearch.js';
import { useControllableState } from './useControllableState.js';
import { useDebouncedValue } from './useDebouncedValue.js';
import { useLoadMore } from './useLoadMore.js';
import { ListRow, PagedListbox, type OptionProps } from './VirtualListbox.js';

/**
 * Props of {@link ClientList}: its own, and any prop of its root `<div>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface ClientListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onSelect' | 'children'> {
  /** Id of the selected client (marked `aria-selected`). */
  selectedId?: number | null;
  /** Called when the operator picks a client (click, Enter or Space); its unread badge goes. */
  onSelect?: (client: Client) => void;
  /** The search text, when the host controls it (pair with `onSearchChange`). */
  search?: string;
  /** Initial search text when uncontrolled. */
  defaultSearch?: string;
  /** Called on every edit of the search box (the request itself is debounced). */
  onSearchChange?: (search: string) => void;
  /** The tag the list is narrowed to (null: every client), when the host controls it (pair with `onTagIdChange`). */
  tagId?: number | null;
  /** Initial tag when uncontrolled (default null: every client). */
  defaultTagId?: number | null;
  /** Called when the operator picks a tag, or every client again (null). */
  onTagIdChange?: (tagId: number | null) => void;
  /** Show the tag filter (default true). */
  tagFilter?: boolean;
  /** Clients per request (1..200, default 50). */
  pageSize?: number;
  className?: string;
  /** Overrides the provider's locale. */
  locale?: ConsoleLocale;
  /** Accessible name of the listbox (not of the root); defaults to "Clients". */
  'aria-label'?: string;
}

/** Height of one row (px); rows are fixed-height so the virtualizer never measures. */
export const CLIENT_ROW_HEIGHT = 56;
const SEARCH_DEBOUNCE_MS = 300;

const isBlank = (text: string) => text.trim() === '';

// Marked pure, as every widget: forwardRef is a call, and without the mark a bundler keeps each
// widget (and this one's virtualizer) in a host that imports only DialogFrame.
/**
 * The clients of the Chat2Desk account: a search box (name or phone, debounced), a tag filter, a virtualized
 * ARIA listbox that loads more pages as it scrolls, selection by mouse or keyboard (arrows,
 * Home/End, PageUp/PageDown, Enter/Space), and loading, empty and error states. Clients with
 * new messages since the page opened (from the provider's event stream) move to the top with an
 * unread badge until opened. The ref is the root `<div>`.
 */
export const ClientList = /* @__PURE__ */ forwardRef<HTMLDivElement, ClientListProps>(function ClientList(
  {
    selectedId,
    onSelect,
    search: controlledSearch,
    defaultSearch = '',
    onSearchChange,
    tagId: controlledTagId,
    defaultTagId = null,
    onTagIdChange,
    tagFilter = true,
    pageSize,
    className,
    locale,
    'aria-label': ariaLabel,
    ...rootProps
  },
  ref,
): ReactElement {
  const strings = useStrings(clientListStrings, locale);
  const format = useFormatters(locale);
  const id = useId();
  const listId = `${id}list`;
  const searchId = `${id}search`;
  const inputRef = useRef<HTMLInputElement>(null);

  const [search, setSearch] = useControllableState({
    prop: controlledSearch,
    defaultProp: defaultSearch,
    onChange: onSearchChange,
    caller: 'ClientList search',
  });
  const [tagId, setTagId] = useControllableState({
    prop: controlledTagId,
    defaultProp: defaultTagId,
    onChange: onTagIdChange,
    caller: 'ClientList tagId',
  });
  const applied = useDebouncedValue(search, SEARCH_DEBOUNCE_MS, isBlank);
  const params = parseClientSearch(applied);

  const { query, clients: found, total, partial } = useClientSearch({ ...params, tagId: tagId ?? undefined, pageSize });
  const paging = useLoadMore(query);
  // A search or a tag reorders what it found; only the whole list also shows active clients it has not loaded.
  const { clients, activity, markRead } = useActiveClientsFirst(found, {
    fetchMissing: params.q === undefined && params.phone === undefined && tagId === null,
  });

  // Opening a client reads its messages, also those that arrive while it is open.
  const selectedUnread = selectedId == null ? 0 : (activity.get(selectedId)?.unread ?? 0);
  useEffect(() => {
    if (selectedId != null && selectedUnread > 0) markRead(selectedId);
  }, [selectedId, selectedUnread, markRead]);

  const select = (client: Client) => {
    markRead(client.id);
    onSelect?.(client);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && clients.length > 0) {
      event.preventDefault();
      document.getElementById(listId)?.focus();
    } else if (event.key === 'Escape' && search) {
      event.preventDefault();
      setSearch('');
    }
  };

  const empty = applied.trim();
  return (
    <PagedListbox
      rootProps={{ ...rootProps, ref, className: cx('c2d', 'c2d-client-list', className) }}
      block="c2d-client-list"
      query={query}
      paging={paging}
      locale={locale}
      labels={{
        loading: strings.clientsLoading,
        loadingMore: strings.clientsLoadingMore,
        error: strings.clientsError,
        empty: empty ? strings.clientsNoMatches(empty) : tagId === null ? strings.clientsEmpty : strings.clientsNoneTagged,
      }}
      header={
        <>
          <div className="c2d-client-list__search">
            <label className="c2d-visually-hidden" htmlFor={searchId}>
              {strings.clientSearchLabel}
            </label>
            <input
              ref={inputRef}
              id={searchId}
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder={strings.clientSearchPlaceholder}
              value={search}
              aria-controls={clients.length > 0 ? listId : undefined}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={onSearchKeyDown}
            />
            {search && (
              <button
                type="button"
                aria-label={strings.clientSearchClear}
                onClick={() => {
                  setSearch('');
                  inputRef.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </div>
          <div className="c2d-client-list__filters">
            <p aria-live="polite">
              {partial
                ? strings.clientsSearchedPartially(partial.searched, partial.of, format.number(partial.searched), format.number(partial.of))
                : total === undefined
                  ? ''
                  : strings.clientCount(total, format.number(total))}
            </p>
            {tagFilter && <ClientTagFilter value={tagId} onChange={setTagId} strings={strings} />}
          </div>
        </>
      }
      footer={
        partial &&
        paging.canLoadMore &&
        !paging.isLoadingMore && (
          <div className="c2d-client-list__footer">
            <button type="button" className="c2d-button" onClick={paging.loadMore}>
              {strings.clientsSearchMore}
            </button>
          </div>
        )
      }
      // Another search, another list: it starts at the top, with no active client.
      listKey={`${params.q ?? ''}\u0000${params.phone ?? ''}\u0000${tagId ?? ''}`}
      id={listId}
      items={clients}
      selectedKey={selectedId}
      rowHeight={CLIENT_ROW_HEIGHT}
      total={total}
      label={ariaLabel ?? strings.clientListLabel}
      onSelect={select}
      // A search the list does itself grows only on request: scrolling through a few matches
      // must not page through the whole account.
      pageOnScroll={!partial}
      renderRow={(client, option) => (
        <ClientRow key={option.id} option={option} client={client} activity={activity.get(client.id)} format={format} strings={strings} />
      )}
    />
  );
});

interface ClientRowProps {
  option: OptionProps;
  client: Client;
  /** Messages since the page opened, if any (the selected client's count as read: it is open). */
  activity: ClientActivity | undefined;
  format: ConsoleFormatters;
  strings: ClientListStrings;
}

/** The later of two ISO times, either of which may be missing. */
const later = (a: string | null | undefined, b: string | null | undefined) =>
  !a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a;

function ClientRow({ option, client, activity, format, strings }: ClientRowProps): ReactElement {
  const name = clientDisplayName(client);
  const phone = client.phone && formatPhone(client.phone);
  const unread = option['aria-selected'] ? 0 : (activity?.unread ?? 0);
  return (
    <ListRow
      option={option}
      block="c2d-client-row"
      lead={<Avatar client={client} name={name} />}
      name={name}
      // The list is not refetched for each message: the event's time is the newest one known.
      at={later(client.lastClientMessage, activity?.lastMessageAt)}
      text={name !== phone && phone}
      unread={unread}
      unreadLabel={strings.clientUnread(unread, format.number(unread))}
      format={format}
    />
  );
}
