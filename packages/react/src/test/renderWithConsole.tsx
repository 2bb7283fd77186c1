import type { QueryClient } from '@tanstack/react-query';
import {
  render,
  renderHook,
  type RenderHookOptions,
  type RenderHookResult,
  type RenderOptions,
  type RenderResult,
} from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ConsoleProvider, type ConsoleProviderProps } from '../ConsoleProvider.js';
import { createTestQueryClient } from './createTestQueryClient.js';
import { TEST_API_URL } from './testApiUrl.js';

export { createTestQueryClient };

/** Provider props a test overrides (`fetch`, `locale`, its own `queryClient`, ...). */
type ProviderOverrides = Partial<ConsoleProviderProps>;

/** A `ConsoleProvider` wrapper on the fake proxy's URL with the test's QueryClient. */
function consoleWrapper(provider: ProviderOverrides | undefined, queryClient: QueryClient) {
  return function ConsoleWrapper({ children }: { children: ReactNode }) {
    return (
      <ConsoleProvider apiUrl={TEST_API_URL} {...provider} queryClient={queryClient}>
        {children}
      </ConsoleProvider>
    );
  };
}

/** Renders `ui` inside a `ConsoleProvider` with a fresh test QueryClient. */
export function renderWithConsole(
  ui: ReactElement,
  { provider, ...options }: RenderOptions & { provider?: ProviderOverrides } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = provider?.queryClient ?? createTestQueryClient();
  return { ...render(ui, { wrapper: consoleWrapper(provider, queryClient), ...options }), queryClient };
}

/** Renders a hook inside a `ConsoleProvider` with a fresh test QueryClient (the one hook test setup). */
export function renderHookWithConsole<Result, Props>(
  hook: (props: Props) => Result,
  { provider, ...options }: Omit<RenderHookOptions<Props>, 'wrapper'> & { provider?: ProviderOverrides } = {},
): RenderHookResult<Result, Props> & { queryClient: QueryClient } {
  const queryClient = provider?.queryClient ?? createTestQueryClient();
  return { ...renderHook(hook, { wrapper: consoleWrapper(provider, queryClient), ...options }), queryClient };
}
