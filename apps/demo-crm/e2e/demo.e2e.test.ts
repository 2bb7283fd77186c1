import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../server.mjs';
import { launchChromium, snapshot } from './browser.ts';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;

// One user journey through the built demo and the real proxy in sandbox mode, step by step.
describe('demo CRM in Chromium', () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  let target: { id: number; name: string; phone: string };
  let dialogId: number;

  const frame = () => page.frameLocator('iframe[title^="Chat2Desk dialog"]');
  const iframeSrc = () => page.locator('iframe[title^="Chat2Desk dialog"]').getAttribute('src');
  const history = () => page.getByRole('log');
  const clientOptions = () => page.getByRole('listbox', { name: 'Clients' }).getByRole('option');

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, env: {}, quiet: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A client from the sandbox, found the way a person would know it: by phone.
    const clients = await (await fetch(`${demo.url}api/clients?limit=1&offset=7`)).json();
    const client = clients.data[0];
    target = { id: client.id, name: client.assignedName ?? client.name, phone: client.phone };
    const messages = await (await fetch(`${demo.url}api/clients/${client.id}/messages?limit=1`)).json();
    dialogId = messages.data[0].dialogId;
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('serves the app and the proxy health on one port', async () => {
    expect(demo.mode).toBe('sandbox');
    const health = await (await fetch(`${demo.url}api/health`)).json();
    expect(health).toEqual({ status: 'ok', mode: 'sandbox' });
    await page.goto(demo.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Acme CRM');
    await clientOptions().first().waitFor();
    await snapshot(page, '01-clients');
  });

  it('finds a client by phone and selects it with the keyboard', async () => {
    const search = page.getByRole('searchbox');
    await search.fill(target.phone);
    await expect.poll(() => clientOptions().count(), { timeout: 10_000 }).toBe(1);
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe(String(target.id));
    await page.getByRole('heading', { name: target.name, level: 2 }).waitFor();
    await snapshot(page, '02-client-selected');
  });

  it("shows that client's dialog in the frame, rendered by the sandbox's web UI", async () => {
    await expect.poll(iframeSrc).toBe(`${new URL(demo.url).origin}/chat/all?dialogID=${dialogId}&minifiedView=2`);
    await frame().locator(`body[data-mode="2"][data-dialog="${dialogId}"]`).waitFor();
    await frame().getByRole('textbox', { name: 'Reply' }).waitFor();
    await snapshot(page, '03-frame-mode-2');
  });

  it('switches frame modes', async () => {
    await page.getByRole('radio', { name: 'Read-only' }).check();
    await expect.poll(iframeSrc).toContain('minifiedView=3');
    await frame().locator('body[data-mode="3"]').waitFor();
    expect(await frame().getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    await snapshot(page, '04-frame-mode-3');
    await page.getByRole('radio', { name: 'Full' }).check();
    await frame().locator('body[data-mode="1"]').waitFor();
    expect(new URL(page.url()).searchParams.get('mode')).toBe('1');
    await snapshot(page, '05-frame-mode-1');
  });

  it('sends a message from SendMessageForm and sees it in MessageHistory', async () => {
    const text = `Hello from the e2e test ${Date.now()}`;
    const box = page.getByRole('textbox', { name: /message/i });
    await box.fill(text);
    await box.press('Enter');
    await history().getByText(text).waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    await snapshot(page, '06-sent-from-form');
  });

  it('sends a reply from inside the mode-2 frame and sees it in MessageHistory', async () => {
    await page.getByRole('radio', { name: 'Dialog' }).check();
    await frame().locator('body[data-mode="2"]').waitFor();
    const text = `Reply typed in the Chat2Desk frame ${Date.now()}`;
    await frame().getByRole('textbox', { name: 'Reply' }).fill(text);
    await frame().getByRole('button', { name: 'Send' }).click();
    await frame().getByText(text).waitFor();
    // MessageHistory polls, so the frame's reply shows up without a reload.
    await history().getByText(text).waitFor({ timeout: 20_000 });
    expect(await history().getByText(text).count()).toBe(1);
    await snapshot(page, '07-sent-from-frame');
  });

  it('shows the transfer history of the client', async () => {
    const transfers = page.getByRole('region', { name: 'Transfers' });
    await transfers.getByRole('listitem').first().waitFor();
    expect(await transfers.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await transfers.locator('time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('reloads onto the same view', async () => {
    await page.reload();
    await page.getByRole('heading', { name: target.name, level: 2 }).waitFor();
    await expect.poll(iframeSrc).toContain(`dialogID=${dialogId}&minifiedView=2`);
    expect(await page.getByRole('radio', { name: 'Dialog' }).isChecked()).toBe(true);
    await snapshot(page, '08-reloaded');
  });

  it('shows a clear error with Retry when the proxy is down, and recovers when it is back', async () => {
    const port = demo.port;
    await demo.close();
    await page.getByRole('searchbox').fill('Иван');
    const alert = page.getByRole('navigation', { name: 'Clients' }).getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    await snapshot(page, '09-proxy-down');
    demo = await startDemoServer({ port, env: {}, quiet: true });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await clientOptions().first().waitFor({ timeout: 15_000 });
    expect(await alert.count()).toBe(0);
    await snapshot(page, '10-recovered');
  });
});
