import { beforeAll, describe, expect, it } from 'vitest';
import type { C2DClient, C2DDialog, C2DList, C2DMessage, C2DTransfer } from '../upstream/chat2deskTypes.js';
import { createSandboxApp, type SandboxApp } from './createSandboxApp.js';

const NOW = new Date('2026-11-03T12:00:00Z');

/** Calls the sandbox like the proxy does: bare token in Authorization, JSON bodies. */
function caller(sandbox: SandboxApp) {
  return async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { authorization: 'sandbox', ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const response = await sandbox.app.request(path, { method: init.method ?? 'GET', headers, body });
    // oxlint-disable-next-line typescript/no-explicit-any -- test reads arbitrary envelopes
    return { status: response.status, body: (await response.json()) as any };
  };
}

let shared: SandboxApp;
let call: ReturnType<typeof caller>;
beforeAll(() => {
  shared = createSandboxApp();
  call = caller(shared);
});

/** A fresh small sandbox for tests that write. */
function writable() {
  const sandbox = createSandboxApp({ seed: 21, clients: 80, now: () => NOW });
  return { sandbox, call: caller(sandbox) };
}

describe('auth and routing', () => {
  it('answers 401 without a token and with a Bearer-prefixed one, any bare token passes', async () => {
    const missing = await call('/v1/clients', { headers: { authorization: '' } });
    expect(missing).toEqual({ status: 401, body: { status: 'error', message: expect.stringMatching(/Authorization header required/) } });
    const bearer = await call('/v1/clients', { headers: { authorization: 'Bearer abc' } });
    expect(bearer.status).toBe(401);
    expect(bearer.body.message).toMatch(/without "Bearer"/);
    expect((await call('/v1/operators', { headers: { authorization: 'anything-at-all' } })).status).toBe(200);
  });

  it('answers 404 in the error envelope for unknown routes and ids', async () => {
    expect(await call('/v1/nothing')).toEqual({ status: 404, body: { status: 'error', message: 'No such route: GET /v1/nothing' } });
    expect(await call('/v1/clients/999999')).toEqual({ status: 404, body: { status: 'error', message: 'Client 999999 not found' } });
    expect((await call('/v1/clients/999999/transport')).status).toBe(404);
    expect((await call('/v1/dialogs/999999')).body.message).toBe('Dialog 999999 not found');
    expect((await call('/v1/messages?client_id=5')).status).toBe(404);
    expect((await call('/v1/transfers?operator_id=5')).status).toBe(404);
  });

  it('answers 400 naming the field for ids that are not positive integers', async () => {
    expect(await call('/v1/clients/abc')).toEqual({ status: 400, body: { status: 'error', message: 'client id must be a positive integer, got "abc"' } });
    expect((await call('/v1/dialogs/0')).status).toBe(400);
    expect((await call('/v1/messages?client_id=-3')).body.message).toBe('client_id must be a positive integer, got "-3"');
    expect((await call('/v1/messages?order=newest')).body.message).toBe('order must be one of asc, desc, got "newest"');
    expect((await call('/v1/dialogs?state=pending')).status).toBe(400);
  });
});

describe('GET /v1/clients', () => {
  it('pages with the list envelope, 20 by default, up to 200', async () => {
    const first = await call('/v1/clients');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('success');
    expect(first.body.meta).toEqual({ total: 600, limit: 20, offset: 0 });
    expect(first.body.data).toHaveLength(20);
    const page = await call('/v1/clients?limit=200&offset=590');
    expect(page.body.meta).toEqual({ total: 600, limit: 200, offset: 590 });
    expect(page.body.data).toHaveLength(10);
    const second = await call('/v1/clients?limit=5&offset=5');
    expect(second.body.data[0]).toEqual(first.body.data[5]);
  });

  it('refuses a limit over 200, under 1 or not a number, and a negative offset', async () => {
    expect(await call('/v1/clients?limit=201')).toEqual({ status: 400, body: { status: 'error', message: 'limit must be an integer from 1 to 200, got "201"' } });
    expect((await call('/v1/clients?limit=0')).status).toBe(400);
    expect((await call('/v1/clients?limit=ten')).status).toBe(400);
    expect(await call('/v1/clients?offset=-1')).toEqual({ status: 400, body: { status: 'error', message: 'offset must be an integer of 0 or more, got "-1"' } });
  });

  it('lists the newest last_client_message first over every page', async () => {
    const pages = await Promise.all([0, 200, 400].map((offset) => call(`/v1/clients?limit=200&offset=${offset}`)));
    const all: C2DClient[] = pages.flatMap((p) => p.body.data);
    expect(new Set(all.map((c) => c.id)).size).toBe(600);
    const times = all.map((c) => c.last_client_message ?? '');
    expect(times).toEqual(times.toSorted().toReversed());
  });

  it('filters by a digit substring of the phone, ignoring formatting', async () => {
    const target = shared.store.data.clients.find((c) => c.phone?.startsWith('7707'));
    const fragment = target?.phone?.slice(3, 9) ?? '';
    const { body }: { body: C2DList<C2DClient> } = await call(`/v1/clients?limit=200&phone=${encodeURIComponent(`(${fragment.slice(0, 3)}) ${fragment.slice(3)}`)}`);
    expect(body.data.map((c) => c.id)).toContain(target?.id);
    expect(body.data.every((c) => c.phone?.includes(fragment))).toBe(true);
    expect(body.meta.total).toBe(shared.store.data.clients.filter((c) => c.phone?.includes(fragment)).length);
    expect((await call('/v1/clients?phone=none')).status).toBe(400);
  });

  it('filters by q, a case-insensitive name fragment (sandbox extension)', async () => {
    const target = shared.store.data.clients.find((c) => c.name && /^[А-Я][а-я]+ [А-Я][а-я]+$/.test(c.name));
    const fragment = target?.name?.split(' ')[1]?.slice(0, 5).toUpperCase() ?? '';
    const { body }: { body: C2DList<C2DClient> } = await call(`/v1/clients?limit=200&q=${encodeURIComponent(fragment)}`);
    expect(body.data.map((c) => c.id)).toContain(target?.id);
    const matches = (c: C2DClient) => [c.name, c.assigned_name, c.client_external_id].some((v) => v?.toLowerCase().replaceAll('ё', 'е').includes(fragment.toLowerCase()));
    expect(body.data.every(matches)).toBe(true);
    expect(body.meta.total).toBeLessThan(600);
  });

  it('answers one client and the channels that reach it', async () => {
    const client = shared.store.data.clients[3];
    expect(await call(`/v1/clients/${client?.id}`)).toEqual({ status: 200, body: { data: client, status: 'success' } });
    const transport = await call(`/v1/clients/${client?.id}/transport`);
    expect(transport.body.data.length).toBeGreaterThan(0);
    for (const entry of transport.body.data) {
      expect(entry).toEqual({ channel_id: expect.any(Number), transport: expect.any(String), channel_name: expect.any(String) });
    }
  });
});

describe('messages', () => {
  it('lists a client’s messages newest first by default, oldest first with order=asc', async () => {
    const clientId = shared.store.data.clients[0]?.id;
    const desc = await call(`/v1/messages?client_id=${clientId}&limit=200`);
    const ids = desc.body.data.map((m: C2DMessage) => m.id);
    expect(ids).toEqual(ids.toSorted((a: number, b: number) => b - a));
    expect(desc.body.data.every((m: C2DMessage) => m.client_id === clientId)).toBe(true);
    const asc = await call(`/v1/messages?client_id=${clientId}&limit=200&order=asc`);
    expect(asc.body.data.map((m: C2DMessage) => m.id)).toEqual(ids.toReversed());
    const dialogId = desc.body.data[0].dialog_id;
    const inDialog = await call(`/v1/messages?dialog_id=${dialogId}&limit=200`);
    expect(inDialog.body.meta.total).toBe(shared.store.getDialog(dialogId)?.messages);
  });

  it('sends to a client: the answer names message, dialog, request, channel and transport, and history shows it', async () => {
    const { sandbox, call: write } = writable();
    const client = sandbox.store.data.clients[7];
    const dialog = sandbox.store.latestDialog(client?.id ?? 0);
    const route = sandbox.store.getDialogRoute(dialog?.id ?? 0);
    const maxId = Math.max(...sandbox.store.data.messages.map((m) => m.id));

    const sent = await write('/v1/messages', { method: 'POST', body: { client_id: client?.id, text: 'Добрый день! Заказ готов.', type: 'to_client' } });
    expect(sent).toEqual({
      status: 200,
      body: {
        data: { message_id: maxId + 1, dialog_id: dialog?.id, request_id: expect.any(Number), channel_id: route?.channel_id, transport: route?.transport },
        status: 'success',
      },
    });
    const history = await write(`/v1/messages?client_id=${client?.id}&limit=1`);
    expect(history.body.data[0]).toEqual({
      id: maxId + 1,
      text: 'Добрый день! Заказ готов.',
      type: 'to_client',
      transport: route?.transport,
      channel_id: route?.channel_id,
      operator_id: dialog?.operator_id,
      dialog_id: dialog?.id,
      client_id: client?.id,
      created: '2026-11-03T12:00:00',
      read: 0,
      photo: null,
      attachments: null,
    });
    const again = await write('/v1/messages', { method: 'POST', body: { client_id: client?.id, text: 'И ещё' } });
    expect(again.body.data.message_id).toBe(maxId + 2);
    expect((await write(`/v1/dialogs/${dialog?.id}`)).body.data).toMatchObject({ state: 'open', last_message: '2026-11-03T12:00:00' });
  });

  it('sends through a named transport and channel when the client has them', async () => {
    const { sandbox, call: write } = writable();
    // A channel other than the one the client's latest dialog uses, so the choice is visible.
    const differs = (clientId: number) => {
      const current = sandbox.store.getDialogRoute(sandbox.store.latestDialog(clientId)?.id ?? 0);
      return sandbox.store.getClientTransports(clientId)?.find((r) => r.channel_id !== current?.channel_id || r.transport !== current?.transport);
    };
    const client = sandbox.store.data.clients.find((c) => differs(c.id));
    const reach = differs(client?.id ?? 0);
    expect(reach).toBeDefined();
    const sent = await write('/v1/messages', {
      method: 'POST',
      body: { client_id: client?.id, text: 'Via the other channel', type: 'to_client', transport: reach?.transport, channel_id: reach?.channel_id, operator_id: 101 },
    });
    expect(sent.body.data).toMatchObject({ transport: reach?.transport, channel_id: reach?.channel_id });
    const [latest] = (await write(`/v1/messages?client_id=${client?.id}&limit=1`)).body.data;
    expect(latest).toMatchObject({ transport: reach?.transport, channel_id: reach?.channel_id, operator_id: 101 });
  });

  it('refuses bad sends with 400 or 404 and a message saying what to fix', async () => {
    const { sandbox, call: write } = writable();
    const clientId = sandbox.store.data.clients[0]?.id;
    const post = (body: unknown) => write('/v1/messages', { method: 'POST', body });
    expect((await post('{not json')).body).toEqual({ status: 'error', message: 'The request body must be a JSON object' });
    expect((await post({ text: 'hi', type: 'to_client' })).body.message).toBe('client_id is required (a positive integer)');
    expect((await post({ client_id: clientId, type: 'to_client' })).body.message).toBe('text is required (1 to 4096 characters)');
    expect((await post({ client_id: clientId, text: 'x'.repeat(4097), type: 'to_client' })).status).toBe(400);
    expect((await post({ client_id: clientId, text: 'hi', type: 'comment' })).body.message).toBe('type must be "to_client", got "comment"');
    expect((await post({ client_id: clientId, text: 'hi', transport: 'fax' })).body.message).toMatch(/cannot be reached through fax; use one of: \w+ \(channel \d\)/);
    expect(await post({ client_id: 999_999, text: 'hi' })).toEqual({ status: 404, body: { status: 'error', message: 'Client 999999 not found' } });
    expect((await post({ client_id: clientId, text: 'hi', operator_id: 1 })).status).toBe(404);
    expect(sandbox.store.data.messages.filter((m) => m.created === '2026-11-03T12:00:00')).toHaveLength(0);
  });
});

describe('dialogs, operators and channels', () => {
  it('filters dialogs by operator and state, latest activity first', async () => {
    const operatorId = shared.store.data.dialogs[0]?.operator_id;
    const { body } = await call(`/v1/dialogs?operator_id=${operatorId}&state=closed&limit=200`);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((d: C2DDialog) => d.operator_id === operatorId && d.state === 'closed')).toBe(true);
    const times = body.data.map((d: C2DDialog) => d.last_message);
    expect(times).toEqual(times.toSorted().toReversed());
    const open = await call('/v1/dialogs?state=open&limit=1');
    expect(open.body.meta.total).toBe(shared.store.data.dialogs.filter((d) => d.state === 'open').length);
  });

  it('finds a client’s dialogs with client_id (sandbox extension), the latest first', async () => {
    const client = shared.store.data.clients[20];
    const { body } = await call(`/v1/dialogs?client_id=${client?.id}&limit=1`);
    expect(body.data[0]).toEqual(shared.store.latestDialog(client?.id ?? 0));
  });

  it('answers operators with opened_dialogs counted and the account’s channels', async () => {
    const { body } = await call('/v1/operators?limit=200');
    expect(body.meta.total).toBe(shared.store.data.operators.length);
    for (const operator of body.data) {
      expect(operator.opened_dialogs).toBe(shared.store.data.dialogs.filter((d) => d.state === 'open' && d.operator_id === operator.id).length);
    }
    const channels = await call('/v1/channels');
    expect(channels.body.data[0]).toEqual({ id: 1, name: expect.any(String), phone: expect.stringMatching(/^\d+$/), transports: expect.any(Array) });
  });

  it('PUT reassigns a dialog and records the transfer, newest first in /v1/transfers', async () => {
    const { sandbox, call: write } = writable();
    const dialog = sandbox.store.data.dialogs[4];
    const before = { ...dialog };
    const from = dialog?.operator_id;
    const to = sandbox.store.data.operators.find((o) => o.id !== from)?.id;
    const put = await write(`/v1/dialogs/${dialog?.id}`, { method: 'PUT', body: { operator_id: to } });
    // The transfer also adds Chat2Desk's system message to the dialog.
    const after = { ...before, operator_id: to, messages: (before.messages ?? 0) + 1, last_message: '2026-11-03T12:00:00' };
    expect(put).toEqual({ status: 200, body: { data: after, status: 'success' } });
    const transfers = await write(`/v1/transfers?dialog_id=${dialog?.id}`);
    expect(transfers.body.data[0]).toEqual({
      id: Math.max(...sandbox.store.data.transfers.map((t) => t.id)),
      dialog_id: dialog?.id,
      client_id: dialog?.client_id,
      from_operator_id: from,
      to_operator_id: to,
      created: '2026-11-03T12:00:00',
      reason: null,
    });
    expect((await write(`/v1/dialogs/${dialog?.id}`, { method: 'PUT', body: {} })).body.message).toMatch(/Give operator_id/);
    expect((await write(`/v1/dialogs/${dialog?.id}`, { method: 'PUT', body: { operator_id: 1 } })).status).toBe(404);
    expect((await write('/v1/dialogs/999999', { method: 'PUT', body: { operator_id: to } })).status).toBe(404);
  });
});

describe('GET /v1/transfers', () => {
  it('lists every transfer newest first with the list envelope', async () => {
    const { body } = await call('/v1/transfers?limit=200');
    expect(body.meta).toEqual({ total: shared.store.data.transfers.length, limit: 200, offset: 0 });
    const ids = body.data.map((t: C2DTransfer) => t.id);
    expect(ids).toEqual(ids.toSorted((a: number, b: number) => b - a));
    const times = body.data.map((t: C2DTransfer) => t.created);
    expect(times).toEqual(times.toSorted().toReversed());
  });

  it('filters by dialog, client and operator (either side)', async () => {
    const sample = shared.store.data.transfers.find((t) => t.from_operator_id !== null);
    const byDialog = await call(`/v1/transfers?dialog_id=${sample?.dialog_id}`);
    expect(byDialog.body.data.every((t: C2DTransfer) => t.dialog_id === sample?.dialog_id)).toBe(true);
    expect(byDialog.body.data.at(-1).from_operator_id).toBeNull();
    const byClient = await call(`/v1/transfers?client_id=${sample?.client_id}&limit=200`);
    expect(byClient.body.data.map((t: C2DTransfer) => t.id)).toContain(sample?.id);
    expect(byClient.body.data.every((t: C2DTransfer) => t.client_id === sample?.client_id)).toBe(true);
    const operatorId = sample?.from_operator_id;
    const byOperator = await call(`/v1/transfers?operator_id=${operatorId}&limit=200`);
    expect(byOperator.body.meta.total).toBe(
      shared.store.data.transfers.filter((t) => t.from_operator_id === operatorId || t.to_operator_id === operatorId).length,
    );
    expect(byOperator.body.data.some((t: C2DTransfer) => t.from_operator_id === operatorId)).toBe(true);
    expect(byOperator.body.data.some((t: C2DTransfer) => t.to_operator_id === operatorId)).toBe(true);
  });
});
