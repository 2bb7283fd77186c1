import type { FetchNextPageOptions } from '@tanstack/react-query';
import { useCallback } from 'react';

/** The part of any TanStack infinite-query result that paging needs. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: (options?: FetchNextPageOptions) => Promise<unknown>;
}

/** What {@link useLoadMore} returns. */
export interface LoadMore {
  /** Asks for the next page (a "Show more" button, or Retry after a failed page). */
  loadMore: () => void;
  /** The same, for loading that no one asked for (scrolling near an edge): after a failure only Retry asks again. */
  loadMoreOnScroll: () => void;
  /** A next page exists and is neither loading nor failed: show the "more" button. */
  canLoadMore: boolean;
  isLoadingMore: boolean;
  /** The last next page failed; what is loaded stays. */
  loadMoreFailed: boolean;
}

/**
 * Paging of any infinite query, by a button or on scroll. A second request while a page is
 * loading (a quick double click, a scroll event after the button) joins the page in flight:
 * TanStack's default cancels it and asks again, which doubles the request and can hide a failure.
 */
export function useLoadMore({ hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage }: PagedQuery): LoadMore {
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const loadMoreOnScroll = useCallback(() => {
    // Not hammering a proxy that just failed (it may be rate-limited) is the point here.
    if (!isFetchNextPageError) loadMore();
  }, [isFetchNextPageError, loadMore]);
  return {
    loadMore,
    loadMoreOnScroll,
    canLoadMore: hasNextPage && !isFetchNextPageError,
    isLoadingMore: isFetchingNextPage,
    loadMoreFailed: isFetchNextPageError,
  };
}
