import { useLayoutEffect, useRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { historyStrings } from './historyStrings.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters } from './formatters.js';
import type { Locale } from './Localized.js';
import { TransportBadge } from './TransportBadge.js';
import type { ConsoleMessage } from './consoleQueries.js';
import { useMessages } from './useMessages.js';

/** Props of {@link MessageHistory}. */
export interface MessageHistoryProps {
  clientId: number;
  /** Messages per page (default 30). */
  pageSize?: number;
  className?: string;
  locale?: Locale;
}

/** How close to an edge (px) counts as "at" it. */
const EDGE = 48;

const directionOf = (type: ConsoleMessage['type']) =>
  type === 'from_client' ? 'in' : type === 'system' ? 'system' : type === 'comment' ? 'note' : 'out';

/**
 * A client's messages, newest at the bottom: incoming left, outgoing right, system and notes
 * centred, each with its messenger and time. Opens scrolled to the newest message, follows new
 * ones while the reader is at the bottom, and loads older ones when scrolled to the top (or with
 * the "Load older" button), keeping the reading position.
 */
export function MessageHistory({ clientId, pageSize, className, locale }: MessageHistoryProps): ReactElement {
  const strings = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const query = useMessages(clientId, { pageSize });
  const { messages } = query;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seen = useRef<{ first?: number; last?: number; height: number }>({ height: 0 });

  // Before paint: keep the reader's place when older messages arrive above, and follow new
  // messages below only while the reader is at the bottom.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const first = messages[0]?.id;
    const last = messages.at(-1)?.id;
    const before = seen.current;
    if (before.first !== undefined && first !== before.first && last === before.last) {
      scroller.scrollTop += scroller.scrollHeight - before.height;
    } else if (last !== before.last && (atBottom.current || before.last === undefined)) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    seen.current = { first, last, height: scroller.scrollHeight };
  }, [messages]);

  // The button and a scroll to the top can both ask before a re-render: join the page in flight
  // (TanStack's default cancels it and asks again, which hides a failure and doubles the request).
  const loadOlder = () => {
    if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage({ cancelRefetch: false });
  };

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    atBottom.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE;
    // After a failure only Retry asks again, so scrolling at the top does not hammer the proxy.
    if (scroller.scrollTop < EDGE && !query.isFetchNextPageError) loadOlder();
  };

  let body: ReactElement;
  if (query.isPending) {
    body = (
      <>
        <span className="c2d-visually-hidden" role="status">
          {strings.messagesLoading}
        </span>
        <ul className="c2d-skeleton-list c2d-messages__skeleton" aria-hidden="true">
          {[0, 1, 2, 3].map((row) => (
            <li key={row} className="c2d-skeleton" />
          ))}
        </ul>
      </>
    );
  } else if (query.isError && messages.length === 0) {
    body = <ErrorState title={strings.messagesError} error={query.error} onRetry={() => void query.refetch()} locale={locale} />;
  } else if (messages.length === 0) {
    body = <p className="c2d-state c2d-state--empty">{strings.messagesEmpty}</p>;
  } else {
    body = (
      <>
        {query.isFetchNextPageError ? (
          // Only the older page failed: what is loaded stays, Retry asks for that page again.
          <ErrorState title={strings.messagesOlderError} error={query.error} onRetry={loadOlder} locale={locale} />
        ) : (
          query.hasNextPage && (
            <button type="button" className="c2d-button c2d-messages__older" onClick={loadOlder} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? strings.messagesLoadingOlder : strings.messagesOlder}
            </button>
          )
        )}
        <ol className="c2d-messages__list">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`c2d-message c2d-message--${directionOf(message.type)}`}
              data-type={message.type}
              data-status={message.status}
            >
              <div className="c2d-message__bubble">
                <span className="c2d-visually-hidden">{strings.messageAuthor[message.type]}: </span>
                <p className="c2d-message__text">{message.text}</p>
                <p className="c2d-message__meta">
                  <TransportBadge transport={message.transport} />
                  {message.status === 'sending' ? (
                    <span className="c2d-message__status">{strings.messageSending}</span>
                  ) : (
                    <time dateTime={message.created} title={format.dateTime(message.created)}>
                      {format.short(message.created)}
                    </time>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <div className={cx('c2d', 'c2d-messages', className)}>
      {/* A focusable log: keyboard users can scroll it, screen readers hear new messages. */}
      <div
        ref={scrollerRef}
        className="c2d-messages__scroller"
        role="log"
        aria-label={strings.messagesLabel}
        aria-busy={query.isFetching}
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable (WCAG 2.1.1)
        tabIndex={0}
        onScroll={onScroll}
      >
        {body}
      </div>
    </div>
  );
}
