import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from './ConsoleProvider.js';
import { makeClient, makeClients } from './test/fixtures.js';
import { createTestQueryClient } from './test/createTestQueryClient.js';
import { seedClientList } from './test/seedClientList.js';
import { useClient } from './useClient.js';

function setup(fetch: typeof globalThis.fetch) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} queryClient={queryClient}>
      {children}
    </ConsoleProvider>
  );
  return { queryClient, wrapper };
}

describe('useClient', () => {
  it('sends nothing while the id is undefined, then loads that client', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) =>
      Response.json({ data: makeClient(Number(String(input).split('/').at(-1)) - 1000) }),
    );
    const { wrapper } = setup(fetch);
    const { result, rerender } = renderHook((props: { id?: number }) => useClient(props.id), {
      wrapper,
      initialProps: {},
    });
    expect(result.current.fetchStatus).toBe('idle');
    expect(fetch).not.toHaveBeenCalled();
    rerender({ id: 1007 });
    await waitFor(() => expect(result.current.data?.id).toBe(1007));
    expect(String(fetch.mock.calls[0]?.[0])).toBe('http://proxy.test/clients/1007');
  });

  it('shows a client already in a loaded list while its own request runs', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    const { wrapper, queryClient } = setup(fetch);
    seedClientList(queryClient, makeClients(10));
    const { result } = renderHook(() => useClient(1004), { wrapper });
    expect(result.current.data).toEqual(makeClient(4));
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });
});
