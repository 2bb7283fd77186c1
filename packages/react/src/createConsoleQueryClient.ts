import { isConsoleApiError } from '@c2d-console/core';
import { QueryClient } from '@tanstack/react-query';

/** How long console data counts as fresh before a background refetch (ms). */
export const CONSOLE_STALE_TIME = 30_000;

/**
 * Decides whether a failed console query is retried: never for answers that retrying cannot
 * fix (4xx other than 408/429), at most twice otherwise.
 */
export function shouldRetryConsoleQuery(failureCount: number, error: unknown): boolean {
  if (isConsoleApiError(error) && error.isClientError) return false;
  return failureCount < 2;
}

/** A `QueryClient` with the console's defaults, for hosts that do not pass their own. */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: CONSOLE_STALE_TIME,
        retry: shouldRetryConsoleQuery,
        refetchOnWindowFocus: false,
      },
      // A send is never retried blindly; the idempotency key makes an explicit retry safe.
      mutations: { retry: false },
    },
  });
}
