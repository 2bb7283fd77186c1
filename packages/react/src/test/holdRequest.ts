import { http } from 'msw';
import type { SetupServer } from 'msw/node';

/**
 * Holds every `POST url` (or `method`) the fake proxy receives until the returned `release()` is
 * called, then lets them through to the handlers behind: for tests of what shows while a write is
 * in flight.
 */
export function holdRequest(server: SetupServer, url: string, method: 'post' | 'patch' = 'post'): () => void {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http[method](url, async () => {
      await released;
      return undefined;
    }),
  );
  return release;
}
