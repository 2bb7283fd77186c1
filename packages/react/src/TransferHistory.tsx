import { forwardRef, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { historyStrings } from './historyStrings.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { useFormatters } from './formatters.js';
import { LoadingState } from './LoadingState.js';
import { LoadMoreButton } from './LoadMoreButton.js';
import { operatorName } from './operatorName.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { useLoadMore } from './useLoadMore.js';
import { useTransfers } from './useTransfers.js';

/**
 * Props of {@link TransferHistory}: give a dialog, a client or an operator. Any prop of the root
 * `<div>` (`id`, `style`, `data-*`, `aria-*`, event handlers) is passed on.
 */
export interface TransferHistoryProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
  /** Transfers per page (default 20). */
  pageSize?: number;
  className?: string;
  locale?: ConsoleLocale;
}

/**
 * Who handed a dialog to whom, newest first, as a timeline: from → to, when (relative, with the
 * exact time on hover and for assistive tech), and why where the data says. Pages on demand. A
 * transfer the operator just asked for (`useDialogAction`) shows at once, "Transferring…" until
 * the proxy answers. The ref is the root `<div>`.
 */
export const TransferHistory = /* @__PURE__ */ forwardRef<HTMLDivElement, TransferHistoryProps>(function TransferHistory(
  { dialogId, clientId, operatorId, pageSize, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(historyStrings, locale);
  const format = useFormatters(locale);
  const query = useTransfers({ dialogId, clientId, operatorId, pageSize });
  const { transfers } = query;
  const paging = useLoadMore(query);

  let body: ReactElement;
  if (query.isPending && query.fetchStatus !== 'idle') {
    body = <LoadingState label={strings.transfersLoading} />;
  } else if (query.isError && transfers.length === 0) {
    body = (
      <ErrorState title={strings.transfersError} error={query.error} onRetry={() => void query.refetch()} locale={locale} />
    );
  } else if (transfers.length === 0) {
    body = <p className="c2d-state c2d-state--empty">{strings.transfersEmpty}</p>;
  } else {
    body = (
      <>
        <ol aria-label={strings.transfersLabel}>
          {transfers.map((transfer) => (
            <li key={transfer.id} className="c2d-transfers__item" data-status={transfer.status}>
              <p>
                {operatorName(transfer.fromOperatorName, transfer.fromOperatorId, strings)}
                <span aria-hidden="true"> → </span>
                <span className="c2d-visually-hidden"> {strings.transferHandedTo} </span>
                <b>{operatorName(transfer.toOperatorName, transfer.toOperatorId, strings)}</b>
              </p>
              {transfer.status === 'pending' ? (
                <span className="c2d-transfers__time">{strings.transferPending}</span>
              ) : (
                <time className="c2d-transfers__time" dateTime={transfer.created} title={format.dateTime(transfer.created)}>
                  {format.relative(transfer.created)}
                </time>
              )}
              {transfer.reason && <p>{transfer.reason}</p>}
            </li>
          ))}
        </ol>
        <LoadMoreButton
          paging={paging}
          error={query.error}
          labels={{ more: strings.transfersMore, loading: strings.transfersLoading, failed: strings.transfersError }}
          locale={locale}
        />
      </>
    );
  }
  return (
    <div {...rootProps} ref={ref} className={cx('c2d', 'c2d-transfers', className)}>
      {body}
    </div>
  );
});
