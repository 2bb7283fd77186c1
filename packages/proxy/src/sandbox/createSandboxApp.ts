import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import type { C2DError } from '../upstream/chat2deskTypes.js';
import { createSandboxApi, type SandboxApiOptions } from './createSandboxApi.js';
import { createSandboxStore, type SandboxOptions, type SandboxStore } from './createSandboxStore.js';
import { createSandboxWebUi } from './createSandboxWebUi.js';
import { renderChatErrorPage } from './renderChatPage.js';

/** The fake Chat2Desk: a Hono app (API under `/v1`, web UI under `/chat/`) and its data. */
export interface SandboxApp {
  app: Hono;
  store: SandboxStore;
}

/**
 * A proxy mounted under a prefix may hand over `/api/c2d/chat/all`; the web UI answers it as
 * `/chat/all` (its own links are relative, so they keep the prefix).
 */
function sandboxPath(request: Request): string {
  const path = getPath(request);
  const chat = path.indexOf('/chat/');
  return chat > 0 && !path.startsWith('/v1/') ? path.slice(chat) : path;
}

/** Options of {@link createSandboxApp}: the seed data's, and the API's faults. */
export type SandboxAppOptions = SandboxOptions & SandboxApiOptions;

/**
 * Builds the in-process fake Chat2Desk the proxy uses in sandbox mode: seeded data (see
 * {@link SandboxOptions}), the `/v1` API in Chat2Desk's real shapes, and a fake web UI at
 * `/chat/all?dialogID=&minifiedView=`. Call it with `app.fetch(request)` or, in tests,
 * `app.request('/v1/clients', { headers: { Authorization: 'any' } })`.
 */
export function createSandboxApp(options: SandboxAppOptions = {}): SandboxApp {
  const store = createSandboxStore(options);
  const app = new Hono({ getPath: sandboxPath })
    .route('/v1', createSandboxApi(store, options))
    .route('/chat', createSandboxWebUi(store, { login: options.faults?.includes('login') }))
    .notFound((c) => {
      if (c.req.path.startsWith('/chat/')) {
        const what = `${c.req.method} ${c.req.path}`;
        return c.body(renderChatErrorPage('Page not found', `The sandbox's web UI has no page ${what}; open /chat/all?dialogID=…&minifiedView=1.`), 404, {
          'content-type': 'text/html; charset=utf-8',
        });
      }
      // What Chat2Desk answers for a path it does not have (such as /v1/transfers).
      return c.json({ status: 'error', message: 'Page not found' } satisfies C2DError, 404);
    });
  return { app, store };
}
