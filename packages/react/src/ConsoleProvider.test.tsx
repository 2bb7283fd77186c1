import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { ConsoleProvider, useConsoleClient } from './ConsoleProvider.js';

/** Calls the proxy once per client and `call` value. */
function Health({ call = 1 }: { call?: number }) {
  const client = useConsoleClient();
  useEffect(() => {
    void client.health({ signal: AbortSignal.timeout(10_000 + call) });
  }, [client, call]);
  return <p>ok</p>;
}

describe('ConsoleProvider', () => {
  it('sends the latest auth token with every request', async () => {
    const fetch = vi.fn(async () => Response.json({ status: 'ok', mode: 'sandbox' }));
    const { rerender } = render(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'first'}>
        <Health />
      </ConsoleProvider>,
    );
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({
      authorization: 'Bearer first',
    });
    rerender(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'second'}>
        <Health />
      </ConsoleProvider>,
    );
    rerender(
      <ConsoleProvider apiUrl="http://proxy.test" fetch={fetch} getAuthToken={() => 'second'}>
        <Health call={2} />
      </ConsoleProvider>,
    );
    await vi.waitFor(() =>
      expect((fetch.mock.lastCall as unknown as [string, RequestInit])[1].headers).toMatchObject({
        authorization: 'Bearer second',
      }),
    );
  });

  it("uses the host's QueryClient when given one", () => {
    const queryClient = new QueryClient();
    const seen = vi.fn();
    function Probe() {
      const client = useQueryClient();
      useEffect(() => seen(client), [client]);
      return null;
    }
    render(
      <ConsoleProvider apiUrl="/api" queryClient={queryClient}>
        <Probe />
      </ConsoleProvider>,
    );
    expect(seen).toHaveBeenCalledWith(queryClient);
  });

  it('explains how to fix a hook used outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Health />)).toThrow('needs a <ConsoleProvider apiUrl="/api"> above it');
    vi.restoreAllMocks();
  });

  it('renders its children', () => {
    render(<ConsoleProvider apiUrl="/api">child</ConsoleProvider>);
    expect(screen.getByText('child')).toBeInTheDocument();
  });
});
