import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createConsoleHandlers, type ConsoleHandlersOptions } from './handlers.js';

/** Base URL of the fake proxy in jsdom tests (what `renderWithConsole` points at). */
export const TEST_API_URL = 'http://proxy.test';

/**
 * Starts msw's fake proxy for a test file (fixture handlers, unhandled requests fail the test)
 * and records every request URL; handlers and the record reset after each test.
 */
export function setupConsoleServer(options: Omit<ConsoleHandlersOptions, 'baseUrl'> = {}): {
  server: SetupServer;
  requests: URL[];
} {
  const server = setupServer(...createConsoleHandlers({ ...options, baseUrl: TEST_API_URL }));
  const requests: URL[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      requests.push(new URL(request.url));
    });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests };
}
