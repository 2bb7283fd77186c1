import { consoleKeys, type ListResponse, type Transfer, type TransfersParams } from '@c2d-console/core';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { nextOffset } from './nextOffset.js';
import { uniqueById } from './uniqueById.js';

/** Options of {@link useTransfers}: give at least one id. */
export interface UseTransfersOptions {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
  /** Transfers per request (1..200, default 20). */
  pageSize?: number;
}

/** What {@link useTransfers} returns: the infinite query plus the flattened, newest-first list. */
export type UseTransfersResult = UseInfiniteQueryResult<InfiniteData<ListResponse<Transfer>, number>, Error> & {
  transfers: Transfer[];
  total: number | undefined;
};

/**
 * Dialog transfers (who handed the dialog to whom), newest first, page by page. Idle until a
 * dialog, client or operator id is given.
 */
export function useTransfers({ dialogId, clientId, operatorId, pageSize = 20 }: UseTransfersOptions): UseTransfersResult {
  const client = useConsoleClient();
  const params: Omit<TransfersParams, 'offset'> = { limit: pageSize };
  if (dialogId !== undefined) params.dialogId = dialogId;
  if (clientId !== undefined) params.clientId = clientId;
  if (operatorId !== undefined) params.operatorId = operatorId;
  const query = useInfiniteQuery<
    ListResponse<Transfer>,
    Error,
    InfiniteData<ListResponse<Transfer>, number>,
    ReturnType<typeof consoleKeys.transfers>,
    number
  >({
    queryKey: consoleKeys.transfers(params),
    queryFn: ({ pageParam, signal }) => client.listTransfers({ ...params, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: dialogId !== undefined || clientId !== undefined || operatorId !== undefined,
  });
  const transfers = useMemo(() => uniqueById(query.data?.pages.flatMap((page) => page.data) ?? []), [query.data]);
  return { ...query, transfers, total: query.data?.pages.at(-1)?.meta.total };
}
