import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';
import { installExample, startExample, type RunningExample } from './exampleApp.ts';
import { PACKAGES, ROOT, packWorkspace, stylesheetEntrypoints, type PackageDir } from './packWorkspace.ts';
import { outputTail, run } from './run.ts';

const ATTW = `${ROOT}node_modules/.bin/attw`;
const SCREENSHOT_DIR = `${ROOT}test-results/examples/`;

/** The first line of a file inside a packed tarball. */
async function firstLineInTarball(tarball: string, path: string): Promise<string> {
  const text = await run('tar', ['-xzOf', tarball, `package/${path}`], { cwd: ROOT });
  return text.split('\n', 1)[0] ?? '';
}

// What a new user does: the packages packed as they would be published, checked the way the
// registry's consumers resolve them, then installed with npm into each example copied outside
// the workspace, built, started and opened in Chromium.
describe('the packed packages', () => {
  let packs: string;
  let tarballs: Record<PackageDir, string>;

  beforeAll(async () => {
    packs = mkdtempSync(join(tmpdir(), 'c2d-packs-'));
    tarballs = await packWorkspace(packs);
  }, 180_000);

  afterAll(() => {
    if (packs) rmSync(packs, { recursive: true, force: true });
  });

  it.each(PACKAGES)('@c2d-console/%s has types that resolve for ESM consumers (attw, esm-only profile)', async (dir) => {
    const exclude = stylesheetEntrypoints(dir);
    const args = [tarballs[dir], '--profile', 'esm-only', '--format', 'ascii', '--no-color'];
    if (exclude.length > 0) args.push('--exclude-entrypoints', ...exclude);
    // attw exits non-zero on any problem; `run` then fails with its report.
    await expect(run(ATTW, args, { cwd: ROOT })).resolves.toContain(`@c2d-console/${dir} v`);
  });

  it('ships the react entries as client code and the others without the directive', async () => {
    expect(await firstLineInTarball(tarballs.react, 'dist/index.js')).toBe('"use client";');
    // A language pack too: a server component passes it to ConsoleProvider as a client reference.
    expect(await firstLineInTarball(tarballs.react, 'dist/locales/ru.js')).toBe('"use client";');
    expect(await firstLineInTarball(tarballs.core, 'dist/index.js')).not.toContain('use client');
    expect(await firstLineInTarball(tarballs.proxy, 'dist/index.js')).not.toContain('use client');
  });

  describe.each([
    ['example-next', 'Next.js App Router, the widgets in a server-component page'],
    ['example-vite', 'a Vite page, the proxy in Express'],
  ])('%s (%s), installed from the tarballs with npm', (name) => {
    let dir: string | undefined;
    let app: RunningExample | undefined;
    let browser: Browser | undefined;
    let page: Page;
    const pageErrors: string[] = [];
    const clientOptions = () => page.getByRole('listbox', { name: 'Clients' }).getByRole('option');
    /** Waits for `step`; when it fails, says what the page threw and what the server printed. */
    const explained = (step: Promise<unknown>) =>
      step.catch((error: Error) => {
        const errors = pageErrors.join('\n') || 'none';
        throw new Error(`${error.message}\nErrors in the page: ${errors}\nServer output:\n${outputTail(app!.output())}`, {
          cause: error,
        });
      });

    beforeAll(async () => {
      dir = await installExample(name, Object.values(tarballs));
      app = await startExample(dir);
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => pageErrors.push(error.message));
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await app?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('serves the proxy in sandbox mode under /api/c2d', async () => {
      const health = await (await fetch(`${app!.url}api/c2d/health`)).json();
      expect(health).toEqual({ status: 'ok', mode: 'sandbox' });
    });

    it('shows the clients from the sandbox in the client list', async () => {
      const first = (await (await fetch(`${app!.url}api/c2d/clients?limit=1`)).json()).data[0];
      await page.goto(app!.url);
      await explained(clientOptions().first().waitFor({ timeout: 20_000 }));
      expect(await clientOptions().first().textContent()).toContain(first.assignedName ?? first.name);
      expect(await clientOptions().count()).toBeGreaterThan(1);
      expect(pageErrors).toEqual([]);
    });

    // The Russian pack passed from a server component: it must cross to the browser whole.
    it.runIf(name === 'example-next')('speaks Russian with the ru pack given by the server component (?lang=ru)', async () => {
      await page.goto(`${app!.url}?lang=ru`);
      const russian = page.getByRole('listbox', { name: 'Клиенты' }).getByRole('option');
      await explained(russian.first().waitFor({ timeout: 20_000 }));
      // The count is one of the pack's functions (Russian plurals): it came across too.
      await explained(page.getByText(/^[\d\s]+ клиент(а|ов)?$/).waitFor({ timeout: 5_000 }));
      expect(pageErrors).toEqual([]);
      await page.goto(app!.url);
    });

    it("opens a client's messages and sends one through the proxy", async () => {
      await clientOptions().first().click();
      const box = page.getByRole('textbox', { name: /message/i });
      const text = `Sent from ${name} ${Date.now()}`;
      await box.fill(text);
      await box.press('Enter');
      await explained(page.getByRole('log').getByText(text).waitFor({ timeout: 20_000 }));
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
      expect(pageErrors).toEqual([]);
    });
  });
});
