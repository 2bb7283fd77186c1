import { createConsoleClient, isConsoleApiError } from '@c2d-console/core';
import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { consoleQueries } from './consoleQueries.js';
import { createConsoleHandlers, failOnce } from './test/handlers.js';
import { holdRequest } from './test/holdRequest.js';
import { recordWrites } from './test/recordWrites.js';
import { renderHookWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { useDialogAction } from './useDialogAction.js';

const { server } = setupConsoleServer();
const writes = recordWrites(server);
// Each test starts from the fixture account: the fake proxy keeps what the actions change.
beforeEach(() => server.use(...createConsoleHandlers({ baseUrl: TEST_API_URL })));
const api = createConsoleClient({ apiUrl: TEST_API_URL });
/** Client 1001's dialog: open, held by operator 2. */
const DIALOG = 51_001;

/** The hook, with the dialog, the open inbox and client 1001's transfer history already loaded. */
async function renderAction() {
  const rendered = renderHookWithConsole(() => useDialogAction());
  const { queryClient } = rendered;
  await Promise.all([
    queryClient.prefetchQuery(consoleQueries.dialog(api, DIALOG)),
    queryClient.prefetchInfiniteQuery(consoleQueries.dialogs(api, { state: 'open' })),
    queryClient.prefetchInfiniteQuery(consoleQueries.transfers(api, { clientId: 1001 })),
    queryClient.prefetchQuery(consoleQueries.operators(api)),
  ]);
  const cached = {
    dialog: () => queryClient.getQueryData(consoleQueries.dialog(api, DIALOG).queryKey),
    inInbox: () =>
      queryClient
        .getQueryData(consoleQueries.dialogs(api, { state: 'open' }).queryKey)
        ?.pages.flatMap((page) => page.data)
        .find((d) => d.id === DIALOG),
    transfers: () => queryClient.getQueryData(consoleQueries.transfers(api, { clientId: 1001 }).queryKey)?.pages[0]?.data ?? [],
  };
  return { ...rendered, cached };
}

describe('useDialogAction', () => {
  it('takes the proxy’s answer to a close as the dialog, and refreshes the inbox lists', async () => {
    const release = holdRequest(server, `${TEST_API_URL}/dialogs/${DIALOG}/close`);
    const { result, cached, queryClient } = await renderAction();
    result.current.mutate({ action: 'close', dialogId: DIALOG });
    await waitFor(() => expect(result.current.isPending).toBe(true));
    expect(cached.dialog()?.state).toBe('open');
    release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(writes).toEqual([{ method: 'POST', path: `/dialogs/${DIALOG}/close`, body: { idempotencyKey: expect.any(String) } }]);
    expect(cached.dialog()).toMatchObject({ state: 'closed', end: expect.any(String) });
    // The inbox lists are refetched (this one when next shown: nothing observes it here).
    expect(queryClient.getQueryState(consoleQueries.dialogs(api, { state: 'open' }).queryKey)?.isInvalidated).toBe(true);
  });

  it('leaves the cache as it was when a close fails, and a retry of it carries the same idempotency key', async () => {
    server.use(failOnce('post', `${TEST_API_URL}/dialogs/${DIALOG}/close`, { status: 504, code: 'upstream_timeout' }));
    const { result, cached } = await renderAction();
    await expect(result.current.mutateAsync({ action: 'close', dialogId: DIALOG })).rejects.toThrow('Chat2Desk is unavailable');
    expect(cached.dialog()?.state).toBe('open');
    expect(cached.inInbox()?.state).toBe('open');
    await result.current.mutateAsync({ action: 'close', dialogId: DIALOG });
    await result.current.mutateAsync({ action: 'reopen', dialogId: DIALOG });
    const [failed, retry, reopen] = writes.map((write) => write.body.idempotencyKey);
    expect(retry).toBe(failed);
    expect(reopen).not.toBe(failed);
  });

  it('puts a transfer in the client’s transfer history at once as pending, and confirms it when the proxy answers', async () => {
    const release = holdRequest(server, `${TEST_API_URL}/dialogs/${DIALOG}/transfer`);
    const { result, cached } = await renderAction();
    const before = cached.transfers().length;
    result.current.mutate({ action: 'transfer', dialogId: DIALOG, to: { operatorId: 3 } });
    await waitFor(() => expect(cached.transfers()).toHaveLength(before + 1));
    expect(cached.transfers()[0]).toMatchObject({
      status: 'pending',
      dialogId: DIALOG,
      fromOperatorName: 'Max Turner',
      toOperatorName: 'Олег Смирнов',
    });
    release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(cached.transfers()[0]).toMatchObject({ status: undefined, toOperatorName: 'Олег Смирнов' });
    expect(writes[0]?.body).toEqual({ operatorId: 3, idempotencyKey: expect.any(String) });
    expect(cached.dialog()?.operatorId).toBe(3);
  });

  it('takes a failed transfer out of the history again', async () => {
    server.use(failOnce('post', `${TEST_API_URL}/dialogs/${DIALOG}/transfer`, { status: 403, code: 'forbidden', message: 'no' }));
    const { result, cached } = await renderAction();
    const before = cached.transfers();
    const error = await result.current.mutateAsync({ action: 'transfer', dialogId: DIALOG, to: { groupId: 10 }, toName: 'Продажи' }).catch((e: unknown) => e);
    expect(isConsoleApiError(error) && error.code).toBe('forbidden');
    expect(cached.transfers()).toEqual(before);
  });
});
