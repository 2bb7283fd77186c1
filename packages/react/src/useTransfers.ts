import { useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type ConsoleTransfer, type TransferListOptions, type TransferPages } from './consoleQueries.js';
import { pageItems } from './pages.js';
import { uniqueById } from './uniqueById.js';

/** Options of {@link useTransfers}: give at least one id. */
export type UseTransfersOptions = TransferListOptions;

/** What {@link useTransfers} returns: the infinite query plus the flattened, newest-first list. */
export type UseTransfersResult = UseInfiniteQueryResult<TransferPages, Error> & {
  /** Newest first; one the operator just asked for is `status: 'pending'` until the proxy answers. */
  transfers: ConsoleTransfer[];
  total: number | undefined;
};

/**
 * Dialog transfers (who handed the dialog to whom), newest first, page by page
 * (`consoleQueries.transfers`). Idle until a dialog, client or operator id is given.
 */
export function useTransfers(options: UseTransfersOptions): UseTransfersResult {
  const api = useConsoleClient();
  const query = useInfiniteQuery(consoleQueries.transfers(api, options));
  const transfers = useMemo(() => uniqueById(pageItems(query.data)), [query.data]);
  return { ...query, transfers, total: query.data?.pages.at(-1)?.meta.total };
}
