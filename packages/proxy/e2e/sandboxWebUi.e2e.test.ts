import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../chromium.config.ts';
import { createProxy } from '../src/index.ts';

/** axe-core's browser build, injected into each page. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots of each case, for a person to look at (git-ignored). */
const SCREENSHOTS = new URL('../../../test-results/sandbox-web-ui/', import.meta.url);

/** The page once axe-core is injected. */
type WithAxe = { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } };

type Scheme = 'light' | 'dark';

/** A sandbox dialog with a conversation long enough to scroll, found through the proxy's API. */
async function dialogWithConversation(origin: string): Promise<number> {
  const clients = await (await fetch(`${origin}/clients?limit=20`)).json();
  for (const client of clients.data as Array<{ id: number }>) {
    // oxlint-disable-next-line no-await-in-loop -- stops at the first match
    const messages = await (await fetch(`${origin}/clients/${client.id}/messages?limit=1`)).json();
    if (messages.meta.total >= 8 && messages.data[0]?.dialogId) return messages.data[0].dialogId;
  }
  throw new Error('no sandbox client with 8 or more messages among the first 20');
}

// The fake Chat2Desk web UI as DialogFrame shows it, served by the proxy in sandbox mode, in
// Chromium: axe finds nothing in either colour scheme, at a side panel's width and a wide one.
describe('the sandbox web UI in Chromium', () => {
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let dialogId: number;

  beforeAll(async () => {
    // No token: sandbox mode, with the fake web UI under /chat.
    const proxy = createProxy({ logger: false });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: proxy.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dialogId = await dialogWithConversation(origin);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Opens a page of the web UI; the UI's CSP forbids scripts, so the test's own axe needs bypassCSP. */
  async function open(path: string, { width, scheme }: { width: number; scheme: Scheme }): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    return page;
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    const { violations } = await page.evaluate(() => (window as unknown as WithAxe).axe.run(document));
    return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const horizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  const cases = [1, 2, 3].flatMap((mode) =>
    (['light', 'dark'] as const).flatMap((scheme) => [320, 1024].map((width) => ({ mode, scheme, width }))),
  );

  it.each(cases)('mode $mode, $scheme, $width px: no axe violations and no sideways scroll', async ({ mode, scheme, width }) => {
    const page = await open(`/chat/all?dialogID=${dialogId}&minifiedView=${mode}`, { width, scheme });
    await page.locator(`body[data-mode="${mode}"]`).waitFor();
    await page.screenshot({ path: new URL(`mode${mode}-${scheme}-${width}.png`, SCREENSHOTS).pathname });
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalScroll(page)).toBe(0);
    await page.context().close();
  });

  it('lets the keyboard reach the scrolling message area, named', async () => {
    const page = await open(`/chat/all?dialogID=${dialogId}&minifiedView=3`, { width: 360, scheme: 'light' });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ role: document.activeElement?.tagName, name: document.activeElement?.getAttribute('aria-label') }));
    expect(focused).toEqual({ role: 'SECTION', name: 'Message history' });
    await page.context().close();
  });

  it.each([280, 320, 360, 400])('shows the whole Send button in a %i px frame', async (width) => {
    const page = await open(`/chat/all?dialogID=${dialogId}&minifiedView=2`, { width, scheme: 'light' });
    const send = await page.getByRole('button', { name: 'Send' }).boundingBox();
    const reply = await page.getByRole('textbox', { name: 'Reply' }).boundingBox();
    expect(send && send.x >= 0 && send.x + send.width <= width).toBe(true);
    expect(reply && reply.x >= 0 && reply.x + reply.width <= width && reply.width > 150).toBe(true);
    expect(await horizontalScroll(page)).toBe(0);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('shows a refused reply accessibly in %s', async (scheme) => {
    const page = await open(`/chat/all?dialogID=${dialogId}&minifiedView=2`, { width: 320, scheme });
    await page.getByRole('textbox', { name: 'Reply' }).fill('   ');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').waitFor();
    await page.screenshot({ path: new URL(`reply-error-${scheme}.png`, SCREENSHOTS).pathname });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
