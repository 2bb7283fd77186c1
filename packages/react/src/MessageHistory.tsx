import { forwardRef, useLayoutEffect, useRef, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { historyStrings } from './historyStrings.js';
import type { ConsoleMessage } from './consoleQueries.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters } from './formatters.js';
import { LoadingState } from './LoadingState.js';
import { LoadMoreButton } from './LoadMoreButton.js';
import type { Locale } from './Localized.js';
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
  className?: string;
  locale?: Locale;
}

/** How close to an edge counts as "at" it. */
const EDGE_PX = 48;

const directionOf = (type: ConsoleMessage['type']) =>
  type === 'from_client' ? 'in' : type === 'system' ? 'system' : type === 'comment' ? 'note' : 'out';

/**
 * A client's messages, newest at the bottom: incoming left, outgoing right, system and notes
 * centred, each with its messenger and time. Opens scrolled to the newest message, follows new
 * ones while the reader is at the bottom, and loads older ones when scrolled to the top (or with
 * the "Load older" button), keeping the reading position. The ref is the root `<div>`.
 */
export const MessageHistory = /* @__PURE__ */ forwardRef<HTMLDivElement, MessageHistoryProps>(function MessageHistory(
  { clientId, pageSize, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const query = useMessages(clientId, { pageSize });
  const { messages } = query;
  // The button and a scroll to the top can both ask before a re-render: the second joins the first.
  const paging = useLoadMore(query);
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

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    atBottom.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE_PX;
    // After a failure only Retry asks again, so scrolling at the top does not hammer the proxy.
    if (scroller.scrollTop < EDGE_PX) paging.loadMoreOnScroll();
  };

  let body: ReactElement;
  if (query.isPending) {
    body = <LoadingState label={strings.messagesLoading} rows={4} className="c2d-messages__skeleton" />;
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
          labels={{ more: strings.messagesOlder, loading: strings.messagesLoadingOlder, failed: strings.messagesOlderError }}
          className="c2d-messages__older"
          locale={locale}
        />
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
    <div {...rootProps} ref={ref} className={cx('c2d', 'c2d-messages', className)}>
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
});
