import type { ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { historyStrings } from './historyStrings.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters } from './formatters.js';
import { operatorName } from './operatorName.js';
import type { Locale } from './Localized.js';
import { useTransfers } from './useTransfers.js';

/** Props of {@link TransferHistory}: give a dialog, a client or an operator. */
export interface TransferHistoryProps {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
  /** Transfers per page (default 20). */
  pageSize?: number;
  className?: string;
  locale?: Locale;
}

/**
 * Who handed a dialog to whom, newest first, as a timeline: from → to, when (relative, with the
 * exact time on hover and for assistive tech), and why where the data says. Pages on demand.
 */
export function TransferHistory({ className, locale, ...params }: TransferHistoryProps): ReactElement {
  const strings = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const query = useTransfers(params);
  const { transfers } = query;

  // A quick second click joins the page in flight instead of cancelling and asking again.
  const showMore = () => void query.fetchNextPage({ cancelRefetch: false });

  let body: ReactElement;
  if (query.isPending && query.fetchStatus !== 'idle') {
    body = (
      <>
        <span className="c2d-visually-hidden" role="status">
          {strings.transfersLoading}
        </span>
        <ul className="c2d-skeleton-list" aria-hidden="true">
          {[0, 1, 2].map((row) => (
            <li key={row} className="c2d-skeleton" />
          ))}
        </ul>
      </>
    );
  } else if (query.isError && transfers.length === 0) {
    body = (
      <ErrorState title={strings.transfersError} error={query.error} onRetry={() => void query.refetch()} locale={locale} />
    );
  } else if (transfers.length === 0) {
    body = <p className="c2d-state c2d-state--empty">{strings.transfersEmpty}</p>;
  } else {
    body = (
      <>
        <ol className="c2d-transfers__list" aria-label={strings.transfersLabel}>
          {transfers.map((transfer) => (
            <li key={transfer.id} className="c2d-transfers__item">
              <p className="c2d-transfers__route">
                <span className="c2d-transfers__from">
                  {operatorName(transfer.fromOperatorName, transfer.fromOperatorId, strings)}
                </span>
                <span aria-hidden="true"> → </span>
                <span className="c2d-visually-hidden"> {strings.transferHandedTo} </span>
                <span className="c2d-transfers__to">
                  {operatorName(transfer.toOperatorName, transfer.toOperatorId, strings)}
                </span>
              </p>
              <time className="c2d-transfers__time" dateTime={transfer.created} title={format.dateTime(transfer.created)}>
                {format.relative(transfer.created)}
              </time>
              {transfer.reason && <p className="c2d-transfers__reason">{transfer.reason}</p>}
            </li>
          ))}
        </ol>
        {query.isFetchNextPageError ? (
          // Only the next page failed: the timeline stays, Retry asks for that page again.
          <ErrorState
            title={strings.transfersMoreError}
            error={query.error}
            onRetry={showMore}
            locale={locale}
          />
        ) : (
          query.hasNextPage && (
            <button
              type="button"
              className="c2d-button c2d-transfers__more"
              disabled={query.isFetchingNextPage}
              onClick={showMore}
            >
              {query.isFetchingNextPage ? strings.transfersLoading : strings.transfersMore}
            </button>
          )
        )}
      </>
    );
  }
  return <div className={cx('c2d', 'c2d-transfers', className)}>{body}</div>;
}
