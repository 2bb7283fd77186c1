import type { SetupServer } from 'msw/node';
import { afterEach, beforeAll } from 'vitest';

/** A write the fake proxy received: its method, path and JSON body. */
export interface RecordedWrite {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * Records every write (`POST`, `PATCH`) `server` receives, in arrival order, for tests of the
 * operator's actions (which key each carried, what it sent); cleared after each test.
 */
export function recordWrites(server: SetupServer): RecordedWrite[] {
  const writes: RecordedWrite[] = [];
  beforeAll(() => {
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'GET') return;
      writes.push({ method: request.method, path: new URL(request.url).pathname, body: (await request.clone().json()) as Record<string, unknown> });
    });
  });
  afterEach(() => {
    writes.length = 0;
  });
  return writes;
}
