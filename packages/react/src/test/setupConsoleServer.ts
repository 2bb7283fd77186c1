import type { SendMessageInput } from '@c2d-console/core';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFakeEventFeed, type FakeEventFeed } from './fakeEventFeed.js';
import { createConsoleHandlers, type ConsoleHandlersOptions } from './handlers.js';
import { TEST_API_URL } from './testApiUrl.js';

export { TEST_API_URL };

/**
 * Starts msw's fake proxy for a test file (fixture handlers, unhandled requests fail the test)
 * and records every API request URL (the event stream, `GET /events`, apart: `feed.connections`
 * has those) and the body of every send (`POST /messages`, in arrival order); handlers and
 * records reset after each test. `withFeed()` gives the current test a fresh
 * {@link FakeEventFeed} to push events and messages through.
 */
export function setupConsoleServer(options: Omit<ConsoleHandlersOptions, 'baseUrl' | 'feed'> = {}): {
  server: SetupServer;
  requests: URL[];
  sent: SendMessageInput[];
  withFeed: () => FakeEventFeed;
} {
  const server = setupServer(...createConsoleHandlers({ ...options, baseUrl: TEST_API_URL }));
  const requests: URL[] = [];
  const sent: SendMessageInput[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', async ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/events') return;
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
  const withFeed = () => {
    const feed = createFakeEventFeed();
    server.use(...createConsoleHandlers({ ...options, baseUrl: TEST_API_URL, feed }));
    return feed;
  };
  return { server, requests, sent, withFeed };
}
