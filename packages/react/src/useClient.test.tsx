import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeClient, makeClients } from './test/fixtures.js';
import { createTestQueryClient, renderHookWithConsole } from './test/renderWithConsole.js';
import { seedClientList } from './test/seedClientList.js';
import { useClient } from './useClient.js';

/**
 * `useClient(id)` against the given `fetch` (a proxy of clients only, so without the event
 * stream); rerender with another `{ id }`.
 */
const renderClient = (fetch: typeof globalThis.fetch, id?: number) =>
  renderHookWithConsole((props: { id?: number }) => useClient(props.id), { provider: { fetch, events: false }, initialProps: { id } });

describe('useClient', () => {
  it('sends nothing while the id is undefined, then loads that client', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) =>
      Response.json({ data: makeClient(Number(String(input).split('/').at(-1)) - 1000) }),
    );
    const { result, rerender } = renderClient(fetch);
    expect(result.current.fetchStatus).toBe('idle');
    expect(fetch).not.toHaveBeenCalled();
    rerender({ id: 1007 });
    await waitFor(() => expect(result.current.data?.id).toBe(1007));
    expect(String(fetch.mock.calls[0]?.[0])).toBe('http://proxy.test/clients/1007');
  });

  it('shows a client already in a loaded list while its own request runs', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    const queryClient = createTestQueryClient();
    seedClientList(queryClient, makeClients(10));
    const { result } = renderHookWithConsole(() => useClient(1004), { provider: { fetch, queryClient, events: false } });
    expect(result.current.data).toEqual(makeClient(4));
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });
});
