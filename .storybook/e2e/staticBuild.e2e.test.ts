import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = 'storybook-static';

// The static Storybook (`pnpm build-storybook`), served as any static host would, opened in
// Chromium: each mode's story frames the fake Chat2Desk page at that mode's documented URL.
describe('static Storybook build', () => {
  let server: ServerType;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync('pnpm', ['exec', 'storybook', 'build', '-o', OUT, '--quiet'], { cwd: ROOT, stdio: 'pipe' });
    const app = new Hono();
    // Clean URLs, as static hosts serve them: /chat/all → chat/all.html.
    app.use('/*', serveStatic({ root: `${ROOT}${OUT}`, rewriteRequestPath: (p) => (p === '/chat/all' ? '/chat/all.html' : p) }));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each([
    [1, 'full-view'],
    [2, 'dialog-only'],
    [3, 'read-only'],
  ])('mode %i story frames %s at the documented URL', async (mode, story) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/iframe.html?id=dialog-dialogframe--${story}&viewMode=story`);
    const frame = page.locator('iframe[title="Chat2Desk dialog 63"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`${origin}/chat/all?dialogID=63&minifiedView=${mode}`);
    // The framed page really loaded and read its parameters.
    await page.frameLocator('iframe[title="Chat2Desk dialog 63"]').locator(`body[data-mode="${mode}"][data-dialog="63"]`).waitFor();
    await page.close();
  });
});
