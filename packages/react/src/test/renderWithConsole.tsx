import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ConsoleProvider, type ConsoleProviderProps } from '../ConsoleProvider.js';
import { createTestQueryClient } from './createTestQueryClient.js';

export { createTestQueryClient };

/** Renders `ui` inside a `ConsoleProvider` with a fresh test QueryClient. */
export function renderWithConsole(
  ui: ReactElement,
  {
    provider,
    ...options
  }: RenderOptions & { provider?: Partial<ConsoleProviderProps> } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = provider?.queryClient ?? createTestQueryClient();
  const result = render(ui, {
    wrapper: ({ children }) => (
      <ConsoleProvider apiUrl="http://proxy.test" {...provider} queryClient={queryClient}>
        {children}
      </ConsoleProvider>
    ),
    ...options,
  });
  return { ...result, queryClient };
}
