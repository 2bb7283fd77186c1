import type { InboxDialog } from '@c2d-console/core';
import { useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries, type DialogListOptions, type DialogPages } from './consoleQueries.js';
import { pageItems } from './pages.js';
import { uniqueById } from './uniqueById.js';

/** What {@link useDialogs} returns: TanStack's infinite-query result plus the flattened inbox. */
export type UseDialogsResult = UseInfiniteQueryResult<DialogPages, Error> & {
  /** Every loaded dialog, newest activity first. */
  dialogs: InboxDialog[];
  /** How many dialogs match on the proxy; undefined until the first page. */
  total: number | undefined;
};

/**
 * The dialog inbox (`consoleQueries.dialogs`), page by page, newest activity first, filtered by
 * state and operator; with no filters, every dialog of the account.
 */
export function useDialogs(options: DialogListOptions = {}): UseDialogsResult {
  const api = useConsoleClient();
  const query = useInfiniteQuery(consoleQueries.dialogs(api, options));
  const dialogs = useMemo(() => uniqueById(pageItems(query.data)), [query.data]);
  return { ...query, dialogs, total: query.data?.pages.at(-1)?.meta.total };
}
