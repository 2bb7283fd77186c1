import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failOnce } from './test/handlers.js';
import { renderHookWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { useLoadMore } from './useLoadMore.js';
import { useTransfers } from './useTransfers.js';

const { server, requests } = setupConsoleServer();

/** Three transfers, one per page, with paging on top. */
const renderPaged = () =>
  renderHookWithConsole(() => {
    const query = useTransfers({ clientId: 1001, pageSize: 1 });
    return { query, ...useLoadMore(query) };
  });
const offsets = () => requests.map((url) => url.searchParams.get('offset'));

describe('useLoadMore', () => {
  it('asks for each next page once, however often it is asked while one is loading', async () => {
    const { result } = renderPaged();
    await waitFor(() => expect(result.current.canLoadMore).toBe(true));
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
      result.current.loadMoreOnScroll();
    });
    await waitFor(() => expect(result.current.query.transfers).toHaveLength(2));
    expect(offsets()).toEqual(['0', '1']);
  });

  it('stops at the last page', async () => {
    const { result } = renderPaged();
    await waitFor(() => expect(result.current.canLoadMore).toBe(true));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.query.transfers).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.query.transfers).toHaveLength(3));
    expect(result.current.canLoadMore).toBe(false);
    act(() => result.current.loadMore());
    expect(offsets()).toEqual(['0', '1', '2']);
  });

  it('after a failed page, loads again only when asked (Retry), not on scroll', async () => {
    server.use(failOnce('get', `${TEST_API_URL}/transfers`, { when: (url) => url.searchParams.get('offset') === '1' }));
    const { result } = renderPaged();
    await waitFor(() => expect(result.current.canLoadMore).toBe(true));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.loadMoreFailed).toBe(true));
    expect(result.current.canLoadMore).toBe(false);
    expect(result.current.query.transfers).toHaveLength(1);
    act(() => result.current.loadMoreOnScroll());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(offsets()).toEqual(['0', '1']);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.query.transfers).toHaveLength(2));
    expect(result.current.loadMoreFailed).toBe(false);
    expect(offsets()).toEqual(['0', '1', '1']);
  });
});
