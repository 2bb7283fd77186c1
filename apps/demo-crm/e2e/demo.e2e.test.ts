import { CONSOLE_STALE_TIME, MESSAGES_REFETCH_INTERVAL } from '@c2d-console/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../server.mjs';
import { launchChromium, snapshot } from './browser.ts';
import { recordNetwork, type LoggedRequest, type NetworkLog } from './networkLog.ts';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;

/** A reply written in the frame shows in the page's history within this (ms from the click on Send). */
const FRAME_REPLY_SHOWN_MS = 1000;
/**
 * How long the idle page is watched (ms): longer than the history's old poll interval (10 s,
 * still used while the event stream is down) and than the console's staleTime (30 s, after which
 * any re-mount would refetch), so either would show in the network log.
 */
const IDLE_MS = Math.max(MESSAGES_REFETCH_INTERVAL, CONSOLE_STALE_TIME) + 2000;

/** A request for a client's message history (`MessageHistory`'s `useMessages`). */
const isHistoryRequest = (request: LoggedRequest) => /^\/api\/clients\/\d+\/messages(\?|$)/.test(request.path);

// One user journey through the built demo and the real proxy in sandbox mode, step by step.
describe('demo CRM in Chromium', () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  let network: NetworkLog;
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
    network = recordNetwork(page);
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

  it('sends a reply from inside the mode-2 frame and sees it in MessageHistory within 1 s, through the event stream', async () => {
    await page.getByRole('radio', { name: 'Dialog' }).check();
    await frame().locator('body[data-mode="2"]').waitFor();
    // The provider's event stream is open: the reply reaches the history as an event, not a poll.
    await expect.poll(() => network.eventStreamOpen()).toBe(true);
    const text = `Reply typed in the Chat2Desk frame ${Date.now()}`;
    await frame().getByRole('textbox', { name: 'Reply' }).fill(text);
    // The click's time as the frame saw it (Playwright's own checks before clicking take a
    // while on a busy machine and are no part of what the operator waits for).
    const clicks: number[] = [];
    await page.exposeFunction('c2dE2eClicked', (at: number) => clicks.push(at));
    const send = frame().getByRole('button', { name: 'Send' });
    await send.evaluate((button) => button.addEventListener('click', () => void (window as unknown as { c2dE2eClicked(at: number): void }).c2dE2eClicked(Date.now())));
    const mark = network.requests.length;
    await send.click();
    // Sandbox web UI → its webhook → event log → `GET /events` → invalidation → refetch → render.
    await history().getByText(text).waitFor({ timeout: FRAME_REPLY_SHOWN_MS });
    const shownAfterMs = Date.now() - (clicks[0] ?? Number.NaN);
    expect(shownAfterMs, `the reply showed ${Math.round(shownAfterMs)} ms after the click on Send`).toBeLessThan(FRAME_REPLY_SHOWN_MS);
    // The same stream carried it: it did not drop meanwhile (the history would have polled).
    expect(network.since(mark).filter((request) => request.path.startsWith('/api/events'))).toEqual([]);
    await frame().getByText(text).waitFor();
    expect(await history().getByText(text).count()).toBe(1);
    await snapshot(page, '07-sent-from-frame');
  });

  it(
    'makes no history request while the page idles: the event stream keeps it fresh, nothing polls',
    async () => {
      await expect.poll(() => network.eventStreamOpen()).toBe(true);
      // What the reply's event set off (history, dialog, client's dialog) has settled.
      await expect.poll(() => network.inFlight()).toBe(0);
      const mark = network.requests.length;
      await page.waitForTimeout(IDLE_MS);
      const idle = network.since(mark);
      expect(idle.filter(isHistoryRequest), `requests while idle: ${JSON.stringify(idle)}`).toEqual([]);
      // The same stream all along: it neither dropped (the history would poll meanwhile) nor reconnected.
      expect(idle.filter((request) => request.path.startsWith('/api/events'))).toEqual([]);
      expect(network.eventStreamOpen()).toBe(true);
    },
    IDLE_MS + 30_000,
  );

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
