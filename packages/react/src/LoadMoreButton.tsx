import type { ReactElement } from 'react';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import type { LoadMore } from './useLoadMore.js';

/** Props of {@link LoadMoreButton}. */
export interface LoadMoreButtonProps {
  /** The list's paging, from `useLoadMore(query)`. */
  paging: LoadMore;
  /** The query's error, shown when the page failed. */
  error: Error | null;
  /** "Show more", "Loading…", "Could not load more …". */
  labels: { more: string; loading: string; failed: string };
  className?: string;
  locale?: ConsoleLocale;
}

/**
 * @internal The "more" control under (or above) a paged list: a button while a page remains
 * (disabled while it loads), or, when that page failed, the error with Retry; the loaded part
 * stays either way. Nothing at the end of the list.
 */
export function LoadMoreButton({ paging, error, labels, className, locale }: LoadMoreButtonProps): ReactElement | null {
  if (paging.loadMoreFailed) {
    return <ErrorState title={labels.failed} error={error} onRetry={paging.loadMore} locale={locale} />;
  }
  if (!paging.canLoadMore) return null;
  return (
    <button type="button" className={cx('c2d-button', className)} disabled={paging.isLoadingMore} onClick={paging.loadMore}>
      {paging.isLoadingMore ? labels.loading : labels.more}
    </button>
  );
}
