import type { SendMessageInput } from '@c2d-console/core';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createConsoleHandlers, type ConsoleHandlersOptions } from './handlers.js';
import { TEST_API_URL } from './testApiUrl.js';

export { TEST_API_URL };

/**
 * Starts msw's fake proxy for a test file (fixture handlers, unhandled requests fail the test)
 * and records every request URL and the body of every send (`POST /messages`, in arrival order);
 * handlers and records reset after each test.
 */
export function setupConsoleServer(options: Omit<ConsoleHandlersOptions, 'baseUrl'> = {}): {
  server: SetupServer;
  requests: URL[];
  sent: SendMessageInput[];
} {
  const server = setupServer(...createConsoleHandlers({ ...options, baseUrl: TEST_API_URL }));
  const requests: URL[] = [];
  const sent: SendMessageInput[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', async ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      if (request.method === 'POST' && url.pathname === '/messages') {
        sent.push((await request.clone().json()) as SendMessageInput);
      }
    });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    sent.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests, sent };
}
