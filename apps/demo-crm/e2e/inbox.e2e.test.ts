import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../server.mjs';
import { launchChromium, snapshot } from './browser.ts';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;

interface Named {
  id: number;
  firstName: string | null;
  lastName: string | null;
  online: boolean;
}

/** A still sandbox: nothing changes the dialogs but the operator in the browser. */
const STILL = { C2D_SANDBOX_ACTIVITY: '0' };
/** A 1×1 PNG: the smallest picture a messenger takes. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const fullName = (operator: Named) => [operator.firstName, operator.lastName].filter(Boolean).join(' ');

// The operator's working day inside the CRM, through the built demo and the real proxy in
// sandbox mode: the inbox, a dialog picked with the keyboard, handed over, closed and reopened,
// a note, a quick reply and a file.
describe('demo CRM inbox in Chromium', () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  let target: { id: number; client: string; clientId: number; operatorId: number | null };
  let colleague: Named;
  let template: { title: string; text: string };

  const api = async (path: string) => (await fetch(`${demo.url}api${path}`)).json();
  const frame = () => page.frameLocator('iframe[title^="Chat2Desk dialog"]');
  const iframeSrc = () => page.locator('iframe[title^="Chat2Desk dialog"]').getAttribute('src');
  const actions = () => page.getByRole('region', { name: 'Chat2Desk dialog' });
  const transfers = () => page.getByRole('region', { name: 'Transfers' });
  const history = () => page.getByRole('log');
  const messageBox = () => page.getByRole('textbox', { name: 'Message' });

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, env: STILL, quiet: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The dialog the inbox lists first: the newest open one of the page the list asks for.
    const dialogs = await api('/dialogs?state=open&limit=50&offset=0');
    const first = dialogs.data[0];
    target = {
      id: first.id,
      client: first.client.assignedName ?? first.client.name ?? first.client.phone,
      clientId: first.clientId,
      operatorId: first.operatorId,
    };
    // Someone else to hand it to: an operator online now.
    const operators: Named[] = (await api('/operators')).data;
    colleague = operators.find((o) => o.id !== target.operatorId && o.online && fullName(o))!;
    template = (await api('/templates')).data[0];
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('opens the inbox from the header, kept in the URL', async () => {
    expect(colleague).toBeDefined();
    await page.goto(demo.url);
    const inbox = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inbox' });
    await inbox.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('section')).toBe('inbox');
    expect(await inbox.getAttribute('aria-current')).toBe('page');
    // The page changed under the header, not the header: the keyboard is still on the switch.
    expect(await inbox.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.getByRole('listbox', { name: 'Dialogs' }).getByRole('option').first().waitFor();
    await snapshot(page, 'inbox-01-dialogs');
  });

  it('picks a dialog with the keyboard and shows its client, its frame and its history', async () => {
    const list = page.getByRole('listbox', { name: 'Dialogs' });
    await list.focus();
    await page.keyboard.press('Home');
    const activeId = await list.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).textContent()).toContain(target.client);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('dialog')).toBe(String(target.id));
    // The console's ClientCard, the dialog's frame, its transfers, the client's messages.
    await page.getByRole('heading', { name: target.client, level: 2 }).waitFor();
    await expect.poll(iframeSrc).toBe(`${new URL(demo.url).origin}/chat/all?dialogID=${target.id}&minifiedView=2`);
    await frame().locator(`body[data-dialog="${target.id}"]`).waitFor();
    await history().locator('.c2d-message').first().waitFor();
    await actions().getByRole('button', { name: 'Transfer…' }).waitFor();
    await snapshot(page, 'inbox-02-dialog-picked');
  });

  it('transfers the dialog to another operator: in TransferHistory and in the frame', async () => {
    const name = fullName(colleague);
    await actions().getByRole('button', { name: 'Transfer…' }).click();
    const search = actions().getByRole('combobox', { name: 'Transfer to' });
    await search.fill(name);
    await actions().getByRole('option', { name: new RegExp(name) }).first().click();
    await actions().getByText(`Transfer this dialog to ${name}?`).waitFor();
    await snapshot(page, 'inbox-03-transfer-confirm');
    await actions().getByRole('button', { name: 'Transfer', exact: true }).click();
    await actions().getByText(`Open · ${name}`).waitFor();
    // The transfer shows at once, and stays once its event has recorded it.
    await transfers().getByRole('listitem').filter({ hasText: name }).first().waitFor();
    // The frame is loaded again and the sandbox's web UI names the dialog's new operator.
    await frame().getByText(`Operator: ${name}`).waitFor({ timeout: 15_000 });
    expect((await api(`/dialogs/${target.id}`)).data.operatorId).toBe(colleague.id);
    expect((await api(`/transfers?dialogId=${target.id}`)).data[0]).toMatchObject({ dialogId: target.id, toOperatorId: colleague.id });
    await snapshot(page, 'inbox-04-transferred');
  });

  it('closes the dialog after asking, then reopens it', async () => {
    const name = fullName(colleague);
    await actions().getByRole('button', { name: 'Close dialog' }).click();
    await actions().getByText('Close this dialog?').waitFor();
    // The confirmation's button (the first one waits, off, behind it).
    await actions().getByRole('button', { name: 'Close dialog', disabled: false }).click();
    await actions().getByText(`Closed · ${name}`).waitFor();
    await frame().getByText(`Dialog ${target.id} · closed`).waitFor({ timeout: 15_000 });
    expect((await api(`/dialogs/${target.id}`)).data.state).toBe('closed');
    await snapshot(page, 'inbox-05-closed');

    await actions().getByRole('button', { name: 'Reopen' }).click();
    await actions().getByText(`Open · ${name}`).waitFor();
    await frame().getByText(`Dialog ${target.id} · open`).waitFor({ timeout: 15_000 });
    expect((await api(`/dialogs/${target.id}`)).data.state).toBe('open');
    await snapshot(page, 'inbox-06-reopened');
  });

  it('leaves an internal note, shown as a note in MessageHistory', async () => {
    const text = `Note from the e2e test ${Date.now()}: call back after 6 pm`;
    await page.getByRole('radio', { name: 'Note' }).check();
    await messageBox().fill(text);
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = history().locator('.c2d-message[data-type="comment"]').filter({ hasText: text });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal note');
    await expect.poll(() => messageBox().inputValue()).toBe('');
    await snapshot(page, 'inbox-07-note');
  });

  it('sends a quick reply chosen with /', async () => {
    await page.getByRole('radio', { name: 'Reply' }).check();
    await messageBox().fill('');
    await messageBox().pressSequentially(`/${template.title.slice(0, 4)}`);
    const replies = page.getByRole('listbox', { name: 'Quick replies' });
    await replies.getByRole('option', { name: new RegExp(template.title.slice(0, 4)) }).first().waitFor();
    await snapshot(page, 'inbox-08-quick-replies');
    await page.keyboard.press('Enter');
    await expect.poll(() => messageBox().inputValue()).toBe(template.text);
    await page.keyboard.press('Enter');
    await history().locator('.c2d-message[data-type="to_client"]').filter({ hasText: template.text }).last().waitFor();
    await expect.poll(() => messageBox().inputValue()).toBe('');
  });

  it("sends a file through the sandbox's upload, shown in MessageHistory", async () => {
    await page.getByLabel('Attach a file').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await page.getByRole('button', { name: 'Remove pixel.png' }).waitFor();
    const text = `The picture you asked for ${Date.now()}`;
    await messageBox().fill(text);
    await messageBox().press('Enter');
    const sent = history().locator('.c2d-message').filter({ hasText: text });
    // A photo (Chat2Desk names no photo, so once the proxy's copy replaces the one shown at once, its alt is "Photo").
    const photo = sent.getByRole('img', { name: /^Photo/ });
    await photo.waitFor();
    // The picture is the sandbox's stored file, served back from memory.
    const src = await photo.getAttribute('src');
    expect(src).toMatch(/\/sandbox\/files\/[^/]+\/pixel\.png$/);
    const file = await fetch(new URL(src!, demo.url));
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PIXEL_PNG);
    // Once the proxy's history has it too, not only the optimistic copy.
    const messages = await api(`/clients/${target.clientId}/messages?limit=5`);
    expect(messages.data.find((m: { text: string }) => m.text === text)?.attachments[0]).toMatchObject({ url: src, kind: 'photo' });
    await snapshot(page, 'inbox-09-file-sent');
  });

  it('reloads onto the same dialog', async () => {
    await page.reload();
    await page.getByRole('heading', { name: target.client, level: 2 }).waitFor();
    await expect.poll(iframeSrc).toContain(`dialogID=${target.id}&minifiedView=2`);
    expect(await page.getByRole('listbox', { name: 'Dialogs' }).getByRole('option', { selected: true }).textContent()).toContain(target.client);
  });

  it("opens the dialog's client as a lead from the card, and Back returns to the dialog", async () => {
    await page.getByRole('link', { name: 'Open as a lead' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe(String(target.clientId));
    expect(new URL(page.url()).searchParams.get('section')).toBeNull();
    await page.getByRole('listbox', { name: 'Clients' }).waitFor();
    await page.getByRole('heading', { name: target.client, level: 2 }).waitFor();
    // The lead view finds the client's current dialog itself: the one just worked on.
    await expect.poll(iframeSrc).toContain(`dialogID=${target.id}&`);
    await snapshot(page, 'inbox-10-lead');
    await page.goBack();
    await page.getByRole('listbox', { name: 'Dialogs' }).waitFor();
    expect(new URL(page.url()).searchParams.get('dialog')).toBe(String(target.id));
  });
});

// The operator is not signed in to Chat2Desk in this browser (the sandbox's `login` fault): the
// frame shows Chat2Desk's sign-in page, which loads like any page, so the way out must be there
// without waiting for a timeout.
describe('demo CRM inbox with the login fault, in Chromium', () => {
  let demo: Demo;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, env: { ...STILL, C2D_SANDBOX_FAULTS: 'login' }, quiet: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('shows the sign-in page in the frame, with "Open in Chat2Desk" in its toolbar', async () => {
    const dialogs = await (await fetch(`${demo.url}api/dialogs?state=open&limit=1`)).json();
    const dialogId = dialogs.data[0].id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${demo.url}?section=inbox&dialog=${dialogId}`);
      const frame = page.frameLocator('iframe[title^="Chat2Desk dialog"]');
      await frame.getByRole('heading', { name: 'Sign in to Chat2Desk' }).waitFor();
      const wayOut = page.locator('.c2d-dialog-frame').getByRole('link', { name: /Open in Chat2Desk/ });
      expect(await wayOut.isVisible()).toBe(true);
      expect(await wayOut.getAttribute('href')).toBe(`${new URL(demo.url).origin}/chat/all?dialogID=${dialogId}&minifiedView=2`);
      expect(await wayOut.getAttribute('target')).toBe('_blank');
      // As far as the browser can tell, the frame has loaded: no timeout notice will offer the way out.
      await expect.poll(() => page.locator('.c2d-dialog-frame').getAttribute('data-state')).toBe('loaded');
      await snapshot(page, 'inbox-fault-login');
    } finally {
      await page.close();
    }
  });
});
