import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOverflow } from '../../../packages/react/src/test/findOverflow.ts';
import { startDemoServer } from '../server.mjs';
import { launchChromium, SCREENSHOT_DIR } from './browser.ts';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;
type Lang = 'en' | 'ru';
type Section = 'leads' | 'inbox';

declare global {
  interface Window {
    findOverflow: typeof findOverflow;
  }
}

/** The page once axe-core is injected. */
type WithAxe = { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } };

/** axe-core's browser build, injected into the page. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The demo's cards and every console widget: none may stick out or scroll sideways. */
const BOXES = '.crm-header, .crm-dialog, .crm-transfers, .crm-messages, .crm-panel, .c2d';

// The demo as a new user tries it on a phone, a small laptop and as a CRM side panel, in both
// languages: the page never scrolls sideways and nothing sticks out of its card.
describe('demo CRM layout in Chromium', () => {
  let demo: Demo;
  let browser: Browser;
  let client: { id: number; name: string };
  let dialog: { id: number; client: string };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, env: {}, quiet: true });
    browser = await launchChromium();
    const clients = await (await fetch(`${demo.url}api/clients?limit=1&offset=7`)).json();
    client = { id: clients.data[0].id, name: clients.data[0].assignedName ?? clients.data[0].name };
    const dialogs = await (await fetch(`${demo.url}api/dialogs?state=open&limit=1&offset=3`)).json();
    const inbox = dialogs.data[0];
    dialog = { id: inbox.id, client: inbox.client.assignedName ?? inbox.client.name ?? inbox.client.phone };
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /**
   * Opens a section (the lead's view, or the inbox on a dialog) and waits until everything is
   * in: the card, the frame, the transfers and the messages (and the inbox's list and actions).
   */
  async function open(width: number, lang: Lang, layout: 'full' | 'panel' = 'full', section: Section = 'leads'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const where = section === 'inbox' ? `section=inbox&dialog=${dialog.id}` : `client=${client.id}`;
    await page.goto(`${demo.url}?${where}&mode=2&lang=${lang}${layout === 'panel' ? '&layout=panel' : ''}`);
    await page.getByRole('heading', { name: section === 'inbox' ? dialog.client : client.name, level: 2 }).waitFor();
    if (section === 'inbox') {
      await page.locator('.c2d-dialog-row').first().waitFor();
      await page.locator('.c2d-dialog-actions__bar button').first().waitFor();
    }
    await page.frameLocator('iframe').locator('body[data-mode="2"]').waitFor();
    await page.locator('.c2d-transfers__item').first().waitFor();
    await page.locator('.c2d-message').first().waitFor();
    await page.addScriptTag({ content: `window.findOverflow = ${findOverflow.toString()}` });
    return page;
  }

  /** How far the page scrolls sideways, and what sticks out of which card or widget. */
  function layoutProblems(page: Page) {
    return page.evaluate((selector) => {
      const root = document.documentElement;
      const problems = [...document.querySelectorAll(selector)].flatMap((box) => window.findOverflow(box));
      return { sidewaysScroll: root.scrollWidth - root.clientWidth, problems };
    }, BOXES);
  }

  async function screenshot(page: Page, name: string) {
    await page.screenshot({ path: new URL(`layout-${name}.png`, SCREENSHOT_DIR).pathname, fullPage: true });
  }

  const fullPage = [320, 390, 1024].flatMap((width) => (['en', 'ru'] as const).map((lang) => ({ width, lang })));

  it.each(fullPage)('full page at $width px in $lang: no sideways scroll, nothing sticks out', async ({ width, lang }) => {
    const page = await open(width, lang);
    await screenshot(page, `full-${width}-${lang}`);
    expect(await layoutProblems(page)).toEqual({ sidewaysScroll: 0, problems: [] });
    await page.close();
  });

  it.each(['en', 'ru'] as const)('side panel at 1280 px in %s: the console gets 360 px and fits in it', async (lang) => {
    const page = await open(1280, lang, 'panel');
    await screenshot(page, `panel-1280-${lang}`);
    const panel = await page.getByRole('complementary').boundingBox();
    expect(panel?.width).toBe(360);
    expect(await page.getByRole('complementary').locator('.c2d-dialog-frame').count()).toBe(1);
    expect(await layoutProblems(page)).toEqual({ sidewaysScroll: 0, problems: [] });
    await page.close();
  });

  it.each([
    { section: 'leads', layout: 'full', width: 1440 },
    { section: 'leads', layout: 'panel', width: 1280 },
    { section: 'inbox', layout: 'full', width: 1440 },
    { section: 'inbox', layout: 'panel', width: 1280 },
  ] as const)('$section, $layout layout at $width px fits the screen: the columns scroll inside, never the page', async ({ section, layout, width }) => {
    const page = await open(width, 'en', layout, section);
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      return { down: root.scrollHeight - root.clientHeight, sideways: root.scrollWidth - root.clientWidth };
    });
    expect(overflow).toEqual({ down: 0, sideways: 0 });
    await page.close();
  });

  it.each(['en', 'ru'] as const)('side panel on a 360 px phone in %s: the panel goes under the record', async (lang) => {
    const page = await open(360, lang, 'panel');
    await screenshot(page, `panel-360-${lang}`);
    const [record, panel] = await Promise.all([page.getByRole('main').boundingBox(), page.getByRole('complementary').boundingBox()]);
    expect(panel!.y).toBeGreaterThanOrEqual(record!.y + record!.height);
    expect(await layoutProblems(page)).toEqual({ sidewaysScroll: 0, problems: [] });
    await page.close();
  });

  const scans = [
    { section: 'leads', layout: 'full', width: 390, lang: 'ru', scheme: 'light' },
    { section: 'leads', layout: 'full', width: 390, lang: 'en', scheme: 'dark' },
    { section: 'leads', layout: 'panel', width: 1280, lang: 'en', scheme: 'light' },
    { section: 'leads', layout: 'panel', width: 1280, lang: 'ru', scheme: 'dark' },
    { section: 'inbox', layout: 'full', width: 390, lang: 'en', scheme: 'dark' },
    { section: 'inbox', layout: 'panel', width: 1280, lang: 'ru', scheme: 'light' },
  ] as const;

  it.each(scans)('$section, $layout layout at $width px, $lang, $scheme: axe finds nothing', async ({ section, layout, width, lang, scheme }) => {
    const page = await open(width, lang, layout, section);
    await page.emulateMedia({ colorScheme: scheme });
    await page.addScriptTag({ content: AXE });
    // The frame is the sandbox web UI, scanned by the proxy's own e2e test.
    const { violations } = await page.evaluate(() => (window as unknown as WithAxe).axe.run(document, { iframes: false }));
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  // The inbox, where the dialog list, the client's card and the dialog's actions join the widgets above.
  const inboxLayouts = [
    { layout: 'full', width: 320, lang: 'ru' },
    { layout: 'full', width: 390, lang: 'en' },
    { layout: 'full', width: 1024, lang: 'ru' },
    { layout: 'panel', width: 1280, lang: 'en' },
    { layout: 'panel', width: 1280, lang: 'ru' },
    { layout: 'panel', width: 360, lang: 'en' },
  ] as const;

  it.each(inboxLayouts)('inbox, $layout layout at $width px in $lang: no sideways scroll, nothing sticks out', async ({ layout, width, lang }) => {
    const page = await open(width, lang, layout, 'inbox');
    await screenshot(page, `inbox-${layout}-${width}-${lang}`);
    // The side panel keeps its 360 px where it stands beside the record (not on a phone, where it goes under it).
    if (layout === 'panel' && width > 760) expect((await page.getByRole('complementary').boundingBox())?.width).toBe(360);
    expect(await layoutProblems(page)).toEqual({ sidewaysScroll: 0, problems: [] });
    await page.close();
  });

  it('switches to the side panel from the header and back, keeping the client', async () => {
    const page = await open(1280, 'en');
    await page.getByRole('combobox', { name: 'View' }).selectOption('panel');
    await page.getByRole('complementary', { name: 'Chat2Desk console' }).waitFor();
    expect(new URL(page.url()).searchParams.get('layout')).toBe('panel');
    await page.getByRole('heading', { name: client.name, level: 2 }).waitFor();
    await page.getByRole('combobox', { name: 'View' }).selectOption('full');
    await page.getByRole('complementary', { name: 'Client history' }).waitFor();
    expect(new URL(page.url()).searchParams.get('layout')).toBeNull();
    await page.close();
  });
});
