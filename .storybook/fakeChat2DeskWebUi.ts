import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** A dialog id the fake answers never, so stories can show the "did not load" fallback. */
export const NEVER_LOADING_DIALOG_ID = 4040;

const page = new URL('./public/chat/all.html', import.meta.url);

/**
 * Serves a static fake of Chat2Desk's web UI at `/chat/all` on Storybook's own dev server (and
 * the Vitest browser server), so `DialogFrame` stories load a real page offline. A request for
 * {@link NEVER_LOADING_DIALOG_ID} is held open until the browser gives up, like a frame that
 * never finishes loading. The static build serves `public/chat/all.html` the same way.
 */
export function fakeChat2DeskWebUi(): Plugin {
  return {
    name: 'c2d-fake-chat2desk-web-ui',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname !== '/chat/all') return next();
        if (url.searchParams.get('dialogID') === String(NEVER_LOADING_DIALOG_ID)) {
          req.on('close', () => res.destroy());
          return;
        }
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(page));
      });
    },
  };
}
