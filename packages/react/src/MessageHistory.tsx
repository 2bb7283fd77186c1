import type { Location } from '@c2d-console/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  forwardRef,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactElement,
} from 'react';
import { cachedClient } from './cachedClient.js';
import { clientDisplayName } from './clientDisplayName.js';
import { useStrings } from './ConsoleContext.js';
import { useLiveConsole } from './ConsoleProvider.js';
import { historyStrings } from './historyStrings.js';
import type { ConsoleMessage } from './consoleQueries.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters } from './formatters.js';
import { LoadingState } from './LoadingState.js';
import { LoadMoreButton } from './LoadMoreButton.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { mediaSummary, MessageMedia, openStreetMapUrl } from './MessageMedia.js';
import { TransportBadge } from './TransportBadge.js';
import { useLoadMore } from './useLoadMore.js';
import { useMessages } from './useMessages.js';

/**
 * Props of {@link MessageHistory}: its own, and any prop of its root `<div>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface MessageHistoryProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  clientId: number;
  /** Messages per page (default 30). */
  pageSize?: number;
  /** Where a place a client shared links to (default: OpenStreetMap at that point). */
  mapUrl?: (location: Location) => string;
  className?: string;
  locale?: ConsoleLocale;
}

/** How close to an edge counts as "at" it. */
const EDGE_PX = 48;

/** Where the reader's view starts: the first message in view, and how far from the view's top it is (px). */
interface ReadingAnchor {
  id: number;
  offset: number;
}

/** The {@link ReadingAnchor} of `scroller` now, or null when no message is in view. */
function readingAnchor(scroller: HTMLElement): ReadingAnchor | null {
  for (const item of scroller.querySelectorAll<HTMLElement>('[data-message-id]')) {
    const offset = item.offsetTop - scroller.scrollTop;
    if (offset + item.offsetHeight > 0) return { id: Number(item.dataset.messageId), offset };
  }
  return null;
}

const directionOf = (type: ConsoleMessage['type']) =>
  type === 'from_client' ? 'in' : type === 'system' ? 'system' : type === 'comment' ? 'note' : 'out';

/** A message of a type the proxy does not know: it shows as `system`, with Chat2Desk's own name in `rawType`. */
const isUnknown = (message: ConsoleMessage) => Boolean(message.rawType) && message.rawType !== message.type;

/**
 * A client's messages, newest at the bottom: incoming left, outgoing right, system and notes
 * centred, each with its messenger and time; photos, files, audio, video and shared places in
 * the bubble, types the console does not know as muted lines. Opens scrolled to the newest message, follows new
 * ones while the reader is at the bottom; scrolled up, it stays put and offers "N new messages"
 * to jump down. Loads older ones when scrolled to the top (or with the "Load older" button),
 * keeping the reading position. New messages from the client are announced to screen readers
 * (politely), and the client counts as read while its history is shown. The ref is the root `<div>`.
 */
export const MessageHistory = /* @__PURE__ */ forwardRef<HTMLDivElement, MessageHistoryProps>(function MessageHistory(
  { clientId, pageSize, mapUrl = openStreetMapUrl, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const query = useMessages(clientId, { pageSize });
  const { messages } = query;
  // The button and a scroll to the top can both ask before a re-render: the second joins the first.
  const paging = useLoadMore(query);
  const queryClient = useQueryClient();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<ReadingAnchor | null>(null);
  const seen = useRef<{ client?: number; first?: number; last?: number; height: number }>({ height: 0 });
  /** Messages that arrived below while the reader was scrolled up. */
  const [below, setBelow] = useState(0);
  /** The polite announcement of the latest new message(s) from the client; `key` re-announces the same text. */
  const [announcement, setAnnouncement] = useState({ key: 0, text: '' });

  // The client's messages are read while its history is shown, also those arriving meanwhile.
  const { activity } = useLiveConsole();
  useEffect(() => {
    const read = () => activity.markRead(clientId);
    read();
    return activity.subscribe(read);
  }, [clientId, activity]);

  // Before paint: keep the reader's place when older messages arrive above; follow new messages
  // below while the reader is at the bottom (or after their own send), else count them.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const first = messages[0]?.id;
    const last = messages.at(-1)?.id;
    const before = seen.current.client === clientId ? seen.current : { height: 0 };
    seen.current = { client: clientId, first, last, height: scroller?.scrollHeight ?? 0 };
    if (last === before.last && first === before.first) return;
    // Another client, or nothing to show: nothing is new.
    if (before.last === undefined || last === undefined) setBelow(0);
    if (!scroller || last === undefined) return;
    if (before.first !== undefined && first !== before.first && last === before.last) {
      scroller.scrollTop += scroller.scrollHeight - before.height;
      return;
    }
    // Only messages after the previous newest are new (a first load has no previous newest).
    const from = messages.findIndex((message) => message.id === before.last);
    const added = from < 0 ? [] : messages.slice(from + 1);
    if (atBottom.current || before.last === undefined || messages.at(-1)?.status === 'sending') {
      scroller.scrollTop = scroller.scrollHeight;
    } else {
      // A refetch of the newest page also drops as many of the oldest loaded messages as came in
      // (offset paging): the message the reader looks at stays where it was on screen.
      const kept = anchor.current && scroller.querySelector<HTMLElement>(`[data-message-id="${anchor.current.id}"]`);
      if (kept && anchor.current) scroller.scrollTop = kept.offsetTop - anchor.current.offset;
      setBelow((count) => count + added.length);
    }
    const incoming = added.filter((message) => message.type === 'from_client');
    const [only] = incoming;
    if (only) {
      const client = cachedClient(queryClient, clientId);
      const text =
        incoming.length > 1
          ? strings.messagesNew(incoming.length, format.number(incoming.length))
          : strings.messageNewFrom(client && clientDisplayName(client), only.text || mediaSummary(only, strings));
      setAnnouncement((previous) => ({ key: previous.key + 1, text }));
    }
  }, [messages, queryClient, clientId, strings, format]);

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    atBottom.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE_PX;
    anchor.current = atBottom.current ? null : readingAnchor(scroller);
    if (atBottom.current) setBelow(0);
    // After a failure only Retry asks again, so scrolling at the top does not hammer the proxy.
    if (scroller.scrollTop < EDGE_PX) paging.loadMoreOnScroll();
  };

  const toNewest = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    atBottom.current = true;
    setBelow(0);
    // The button goes away: focus stays in the history, where the reader now is.
    scroller.focus();
  };

  let body: ReactElement;
  if (query.isPending) {
    body = <LoadingState label={strings.messagesLoading} rows={4} />;
  } else if (query.isError && messages.length === 0) {
    body = <ErrorState title={strings.messagesError} error={query.error} onRetry={() => void query.refetch()} locale={locale} />;
  } else if (messages.length === 0) {
    body = <p className="c2d-state c2d-state--empty">{strings.messagesEmpty}</p>;
  } else {
    body = (
      <>
        <LoadMoreButton
          paging={paging}
          error={query.error}
          labels={{ more: strings.messagesOlder, loading: strings.messagesLoading, failed: strings.messagesError }}
          locale={locale}
        />
        <ol>
          {messages.map((message) => (
            <li
              key={message.id}
              data-message-id={message.id}
              className={cx('c2d-message', `c2d-message--${directionOf(message.type)}`, isUnknown(message) && 'c2d-message--unknown')}
              data-type={message.type}
              data-status={message.status}
            >
              {/* Who wrote it, said to assistive tech; a note also shows it: the client never sees one. */}
              <b className={message.type === 'comment' ? undefined : 'c2d-visually-hidden'}>
                {strings.messageAuthor[message.type]}
                <span className="c2d-visually-hidden">: </span>
              </b>
              <MessageMedia message={message} strings={strings} mapUrl={mapUrl} />
              {message.text && <p>{message.text}</p>}
              {isUnknown(message) && <p>{strings.messageUnknownType(message.rawType)}</p>}
              <small>
                <TransportBadge transport={message.transport} />
                {message.status === 'sending' ? (
                  strings.messageSending
                ) : (
                  <time dateTime={message.created} title={format.dateTime(message.created)}>
                    {format.short(message.created)}
                  </time>
                )}
              </small>
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <div {...rootProps} ref={ref} className={cx('c2d', 'c2d-messages', className)}>
      {/*
        A focusable log, so keyboard users can scroll it. Its own live announcing is off: it would
        read out every older page loaded above, the operator's own sends and the first page; the
        region below says only what is new from the client, once.
      */}
      <div
        ref={scrollerRef}
        className="c2d-messages__scroller"
        role="log"
        aria-live="off"
        aria-label={strings.messagesLabel}
        aria-busy={query.isFetching}
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable (WCAG 2.1.1)
        tabIndex={0}
        onScroll={onScroll}
      >
        {body}
      </div>
      {below > 0 && (
        <button type="button" className="c2d-button c2d-messages__new" onClick={toNewest}>
          {strings.messagesNew(below, format.number(below))}
          <span aria-hidden="true">↓</span>
        </button>
      )}
      <div className="c2d-visually-hidden" aria-live="polite" aria-atomic="true">
        <span key={announcement.key}>{announcement.text}</span>
      </div>
    </div>
  );
});
