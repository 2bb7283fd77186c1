import { consoleKeys } from '@c2d-console/core';
import { waitFor, act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeClients } from './test/fixtures.js';
import { renderHookWithConsole } from './test/renderWithConsole.js';
import { useClients, type UseClientsOptions } from './useClients.js';

/** A fetch that answers `GET /clients` from `count` fixture clients and records every call. */
function fakeProxy(count: number) {
  const all = makeClients(count);
  const calls: Array<{ url: URL; signal: AbortSignal | undefined }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, signal: init?.signal ?? undefined });
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    return Response.json({ data: all.slice(offset, offset + limit), meta: { total: all.length, limit, offset } });
  });
  return { fetch, calls };
}

/** `useClients(options)` against the given `fetch` (a proxy of clients only, so without the event stream). */
const renderClients = (fetch: typeof globalThis.fetch, options: UseClientsOptions = {}) =>
  renderHookWithConsole((props: UseClientsOptions) => useClients(props), { provider: { fetch, events: false }, initialProps: options });

describe('useClients', () => {
  it('pages by offset until the total is loaded, flattening the pages', async () => {
    const { fetch, calls } = fakeProxy(25);
    const { result } = renderClients(fetch, { pageSize: 10 });
    await waitFor(() => expect(result.current.clients).toHaveLength(10));
    expect(result.current.total).toBe(25);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.clients).toHaveLength(20));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.clients).toHaveLength(25));
    expect(result.current.clients.map((c) => c.id)).toEqual(makeClients(25).map((c) => c.id));
    expect(result.current.hasNextPage).toBe(false);
    expect(calls.map(({ url }) => url.searchParams.get('offset'))).toEqual(['0', '10', '20']);
  });

  it('caches under consoleKeys.clientList({ q, phone, limit }) without blank fields', async () => {
    const { fetch } = fakeProxy(5);
    const { result, queryClient } = renderClients(fetch, { q: '  Anna ', phone: '' });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(consoleKeys.clientList({ q: 'Anna', limit: 50 }))).toBeDefined();
  });

  it('aborts the request when the component unmounts', async () => {
    const calls: Array<AbortSignal | undefined> = [];
    const fetch = vi.fn((_: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init?.signal ?? undefined);
      return new Promise<Response>(() => {});
    });
    const { unmount } = renderClients(fetch);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(calls[0]?.aborted).toBe(true));
  });

  it('keeps the previous clients while a new search loads', async () => {
    const { fetch } = fakeProxy(30);
    const { result, rerender } = renderClients(fetch);
    await waitFor(() => expect(result.current.clients).toHaveLength(30));
    fetch.mockImplementation(() => new Promise<Response>(() => {}));
    rerender({ q: 'Anna' });
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.clients).toHaveLength(30);
  });

  it('in development, rejects a page size the proxy would refuse, saying what is allowed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderClients(fakeProxy(1).fetch, { pageSize: 500 })).toThrow(
      'useClients: pageSize must be an integer from 1 to 200, got 500',
    );
  });
});
