// @vitest-environment jsdom
import { within } from '@testing-library/dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from './createSandboxApp.js';

let shared: SandboxApp;
beforeAll(() => {
  shared = createSandboxApp({ seed: 42, clients: 120 });
});

/** Loads a page of the fake web UI into jsdom's document, as the iframe would. */
async function open(sandbox: SandboxApp, path: string) {
  const response = await sandbox.app.request(path);
  const markup = await response.text();
  document.open();
  document.write(markup);
  document.close();
  return { response, markup, page: within(document.body) };
}

function dialogWithMessages(sandbox: SandboxApp) {
  const dialog = sandbox.store.data.dialogs.find((d) => d.messages >= 5);
  if (!dialog) throw new Error('no dialog with messages');
  return dialog;
}

describe('GET /chat/all', () => {
  it('mode 1 shows the recent dialogs with links that keep minifiedView=1, and the chosen dialog read-only', async () => {
    const dialog = dialogWithMessages(shared);
    const { response, page } = await open(shared, `/chat/all?dialogID=${dialog.id}&minifiedView=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(document.documentElement.lang).toBe('en');
    expect(document.body.dataset).toMatchObject({ mode: '1', dialog: String(dialog.id) });
    const nav = within(page.getByRole('navigation', { name: 'Dialogs' }));
    const links = nav.getAllByRole('link');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^\?dialogID=\d+&minifiedView=1$/);
    expect(links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.getAttribute('href'))).toEqual([
      `?dialogID=${dialog.id}&minifiedView=1`,
    ]);
    expect(page.getByRole('list', { name: 'Messages' })).toBeTruthy();
    expect(page.queryByRole('textbox', { name: 'Reply' })).toBeNull();
  });

  it('mode 1 without a dialog lists dialogs and asks to choose one', async () => {
    const { response, page } = await open(shared, '/chat/all?minifiedView=1');
    expect(response.status).toBe(200);
    expect(document.body.dataset.dialog).toBeUndefined();
    expect(page.getByRole('navigation', { name: 'Dialogs' })).toBeTruthy();
    expect(page.getByText('Choose a dialog in the list.')).toBeTruthy();
  });

  it('mode 2 shows only that dialog’s messages, oldest first, and a labelled reply form', async () => {
    const dialog = dialogWithMessages(shared);
    const { page } = await open(shared, `/chat/all?dialogID=${dialog.id}&minifiedView=2`);
    expect(document.body.dataset).toMatchObject({ mode: '2', dialog: String(dialog.id) });
    expect(page.queryByRole('navigation')).toBeNull();
    expect(page.getByRole('heading', { level: 1 }).textContent).not.toBe('');
    const items = within(page.getByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    const expected = shared.store.listMessages({ dialogId: dialog.id, order: 'asc' });
    expect(items).toHaveLength(expected.length);
    expected.forEach((m, i) => expect(items[i]?.textContent).toContain(m.text ?? ''));
    const reply = page.getByRole('textbox', { name: 'Reply' });
    expect(reply.getAttribute('name')).toBe('text');
    const form = reply.closest('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('all/send');
    expect(within(form as HTMLElement).getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('puts the messages in a named region the keyboard can reach, since it scrolls', async () => {
    const dialog = dialogWithMessages(shared);
    const { page } = await open(shared, `/chat/all?dialogID=${dialog.id}&minifiedView=3`);
    const region = page.getByRole('region', { name: 'Message history' });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByRole('list', { name: 'Messages' })).toBeTruthy();
  });

  it('mode 3 shows the dialog’s messages without any way to reply', async () => {
    const dialog = dialogWithMessages(shared);
    const { page } = await open(shared, `/chat/all?dialogID=${dialog.id}&minifiedView=3`);
    expect(document.body.dataset.mode).toBe('3');
    expect(within(page.getByRole('list', { name: 'Messages' })).getAllByRole('listitem')).toHaveLength(dialog.messages);
    expect(page.queryByRole('textbox')).toBeNull();
    expect(page.queryByRole('button')).toBeNull();
    expect(page.queryByRole('navigation')).toBeNull();
  });

  it('escapes what clients and operators wrote', async () => {
    const sandbox = createSandboxApp({ seed: 8, clients: 20 });
    const dialog = dialogWithMessages(sandbox);
    const client = sandbox.store.getClient(dialog.client_id ?? 0);
    if (!client) throw new Error('dialog without client');
    client.name = '<script>alert("name")</script>';
    client.assigned_name = null;
    sandbox.store.sendMessage({ clientId: client.id, dialogId: dialog.id, text: '<img src=x onerror="alert(1)"> & "quotes"' });
    const { markup, page } = await open(sandbox, `/chat/all?dialogID=${dialog.id}&minifiedView=1`);
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(page.getByRole('heading', { level: 1 }).textContent).toBe('<script>alert("name")</script>');
    expect(page.getAllByText('<img src=x onerror="alert(1)"> & "quotes"').length).toBeGreaterThan(0);
  });

  it('explains an unknown dialog, a missing or invalid dialogID and an unknown mode', async () => {
    const unknown = await open(shared, '/chat/all?dialogID=999999&minifiedView=2');
    expect(unknown.response.status).toBe(404);
    expect(unknown.page.getByRole('heading', { level: 1 }).textContent).toBe('Dialog 999999 not found');
    const missing = await open(shared, '/chat/all?minifiedView=3');
    expect(missing.response.status).toBe(400);
    expect(missing.page.getByText(/Mode 3 shows one dialog: add dialogID/)).toBeTruthy();
    const invalid = await open(shared, '/chat/all?dialogID=abc&minifiedView=1');
    expect(invalid.response.status).toBe(400);
    expect(invalid.page.getByText('dialogID must be a positive integer (got "abc").')).toBeTruthy();
    const mode = await open(shared, '/chat/all?dialogID=3&minifiedView=7');
    expect(mode.response.status).toBe(400);
    expect(mode.page.getByRole('heading', { level: 1 }).textContent).toBe('Unknown view mode');
    expect(mode.page.getByText('minifiedView must be 1, 2 or 3 (got "7").')).toBeTruthy();
    const route = await open(shared, '/chat/settings');
    expect(route.response.status).toBe(404);
    expect(route.page.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
  });

  it('needs no API token, allows framing and forbids scripts', async () => {
    const { response } = await open(shared, '/chat/all?dialogID=1&minifiedView=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers behind a path prefix, as a proxy mounted at /api/c2d forwards it', async () => {
    const { response } = await open(shared, '/api/c2d/chat/all?dialogID=1&minifiedView=2');
    expect(response.status).toBe(200);
    expect(document.body.dataset.dialog).toBe('1');
  });
});

describe('POST /chat/all/send', () => {
  it('stores the reply as to_client in that dialog and redirects back to mode 2 (303)', async () => {
    const sandbox = createSandboxApp({ seed: 9, clients: 30, now: () => new Date('2026-11-05T08:00:00Z') });
    const dialog = dialogWithMessages(sandbox);
    const response = await sandbox.app.request('/chat/all/send', {
      method: 'POST',
      body: new URLSearchParams({ dialogID: String(dialog.id), text: 'Отправлено из фрейма' }),
    });
    expect(response.status).toBe(303);
    const target = new URL(response.headers.get('location') ?? '', 'http://sandbox.local/chat/all/send');
    expect(`${target.pathname}${target.search}`).toBe(`/chat/all?dialogID=${dialog.id}&minifiedView=2`);

    const history = await sandbox.app.request(`/v1/messages?client_id=${dialog.client_id}&limit=1`, { headers: { authorization: 'sandbox' } });
    const [latest] = ((await history.json()) as { data: unknown[] }).data;
    expect(latest).toMatchObject({
      text: 'Отправлено из фрейма',
      type: 'to_client',
      dialog_id: dialog.id,
      client_id: dialog.client_id,
      transport: sandbox.store.getDialogRoute(dialog.id)?.transport,
      created: '2026-11-05T08:00:00 UTC',
    });
    const { page } = await open(sandbox, `${target.pathname}${target.search}`);
    const items = within(page.getByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(items.at(-1)?.textContent).toContain('Отправлено из фрейма');
  });

  it('keeps an empty reply out of the dialog and says why', async () => {
    const sandbox = createSandboxApp({ seed: 9, clients: 30 });
    const dialog = dialogWithMessages(sandbox);
    const count = sandbox.store.data.messages.length;
    const response = await sandbox.app.request('/chat/all/send', { method: 'POST', body: new URLSearchParams({ dialogID: String(dialog.id), text: '   ' }) });
    expect(response.status).toBe(400);
    document.open();
    document.write(await response.text());
    document.close();
    const page = within(document.body);
    expect(page.getByRole('alert').textContent).toBe('Write a reply before sending.');
    expect(page.getByRole('textbox', { name: 'Reply' }).getAttribute('aria-invalid')).toBe('true');
    expect(sandbox.store.data.messages.length).toBe(count);
    const unknown = await sandbox.app.request('/chat/all/send', { method: 'POST', body: new URLSearchParams({ dialogID: '999999', text: 'hi' }) });
    expect(unknown.status).toBe(404);
  });
});

describe('the login fault', () => {
  it('shows Chat2Desk’s sign-in form instead of any dialog, framed like the rest, and never signs in', async () => {
    const loggedOut = createSandboxApp({ seed: 42, clients: 20, faults: ['login'] });
    const { response, page } = await open(loggedOut, '/chat/all?dialogID=1&minifiedView=2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to Chat2Desk');
    expect(page.getByLabelText('Email')).toHaveProperty('type', 'email');
    expect(page.getByLabelText('Password')).toHaveProperty('type', 'password');
    expect(page.queryByRole('region', { name: 'Message history' })).toBeNull();

    const form = new URLSearchParams({ email: 'op@example.com', password: 'secret' });
    const signIn = await loggedOut.app.request('/chat/login', { method: 'POST', body: form });
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('signing in never works here');
    // The API is not affected.
    expect((await loggedOut.app.request('/v1/dialogs/1', { headers: { authorization: 'sandbox' } })).status).toBe(200);
  });
});
