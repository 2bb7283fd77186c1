import { beforeAll, describe, expect, it } from 'vitest';
import type { C2DClient, C2DDialog, C2DList, C2DMessage } from '../upstream/chat2deskTypes.js';
import { createSandboxApp, type SandboxApp, type SandboxAppOptions } from './createSandboxApp.js';
import { wireClient, wireDialog } from './sandboxWire.js';

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

/** A fresh small sandbox for tests that write or switch faults on. */
function writable(options: SandboxAppOptions = {}) {
  const sandbox = createSandboxApp({ seed: 21, clients: 80, now: () => NOW, ...options });
  return { sandbox, call: caller(sandbox) };
}

const validation = (field: string, message: string) => ({ status: 'error', message: 'Validation failed', errors: { [field]: [message] } });

describe('auth and routing, with Chat2Desk’s error habits', () => {
  it('answers 401 without a token and with a Bearer-prefixed one; any bare token passes', async () => {
    expect(await call('/v1/clients', { headers: { authorization: '' } })).toEqual({ status: 401, body: { status: 'error', message: 'You need to auth' } });
    expect(await call('/v1/clients', { headers: { authorization: 'Bearer abc' } })).toEqual({ status: 401, body: { status: 'error', message: 'Token is not correct' } });
    expect((await call('/v1/operators', { headers: { authorization: 'anything-at-all' } })).status).toBe(200);
  });

  it('answers an unknown path "Page not found" (there is no /v1/transfers), an unknown id not_found at HTTP 200', async () => {
    expect(await call('/v1/nothing')).toEqual({ status: 404, body: { status: 'error', message: 'Page not found' } });
    expect(await call('/v1/transfers?dialog_id=1')).toEqual({ status: 404, body: { status: 'error', message: 'Page not found' } });
    const notFound = { status: 200, body: { status: 'error', message: 'not_found' } };
    expect(await call('/v1/clients/999999')).toEqual(notFound);
    expect(await call('/v1/clients/999999/transport')).toEqual(notFound);
    expect(await call('/v1/dialogs/999999')).toEqual(notFound);
    expect(await call('/v1/messages?client_id=5')).toEqual(notFound);
  });

  it('answers 400 "Validation failed" naming the field in errors', async () => {
    expect(await call('/v1/clients/abc')).toEqual({ status: 400, body: validation('client_id', 'client id must be a positive integer, got "abc"') });
    expect((await call('/v1/dialogs/0')).status).toBe(400);
    expect((await call('/v1/messages?client_id=-3')).body).toEqual(validation('client_id', 'client_id must be a positive integer, got "-3"'));
    expect((await call('/v1/messages?order=newest')).body).toEqual(validation('order', 'order must be one of asc, desc, got "newest"'));
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
    expect(await call('/v1/clients?limit=201')).toEqual({ status: 400, body: validation('limit', 'limit must be an integer from 1 to 200, got "201"') });
    expect((await call('/v1/clients?limit=0')).status).toBe(400);
    expect((await call('/v1/clients?limit=ten')).status).toBe(400);
    expect(await call('/v1/clients?offset=-1')).toEqual({ status: 400, body: validation('offset', 'offset must be an integer of 0 or more, got "-1"') });
  });

  it('lists the newest last_client_message first over every page, in both of Chat2Desk’s time formats', async () => {
    const pages = await Promise.all([0, 200, 400].map((offset) => call(`/v1/clients?limit=200&offset=${offset}`)));
    const all: C2DClient[] = pages.flatMap((p) => p.body.data);
    expect(all.map((c) => c.id)).toEqual(shared.store.listClients().map((c) => c.id));
    const times = all.map((c) => c.last_client_message ?? '');
    expect(times.some((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC$/.test(t))).toBe(true);
    expect(times.some((t) => /^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/.test(t))).toBe(true);
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

  it('ignores q, as Chat2Desk does: there is no name search', async () => {
    const name = shared.store.data.clients.find((c) => c.name)?.name ?? '';
    const searched = await call(`/v1/clients?limit=5&q=${encodeURIComponent(name)}`);
    expect(searched.body).toEqual((await call('/v1/clients?limit=5')).body);
  });

  it('answers one client and its channels, one entry per channel with its transports', async () => {
    const client = shared.store.data.clients[3];
    const routes = shared.store.getClientTransports(client?.id ?? 0) ?? [];
    expect(await call(`/v1/clients/${client?.id}`)).toEqual({ status: 200, body: { data: client && wireClient(client, routes), status: 'success' } });
    const transport = await call(`/v1/clients/${client?.id}/transport`);
    const flattened = transport.body.data.flatMap((entry: { channel_id: number; transports: string[] }) => entry.transports.map((t) => ({ channel_id: entry.channel_id, transport: t })));
    expect(flattened).toEqual(expect.arrayContaining(routes));
    expect(flattened).toHaveLength(routes.length);
    expect(new Set(transport.body.data.map((entry: { channel_id: number }) => entry.channel_id)).size).toBe(transport.body.data.length);
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
    const request = sandbox.store.getDialogRoute(dialog?.id ?? 0)?.request_id;
    expect(sent).toEqual({
      status: 200,
      body: {
        data: {
          message_id: maxId + 1,
          channel_id: route?.channel_id,
          operator_id: dialog?.operator_id,
          transport: route?.transport,
          type: 'to_client',
          client_id: client?.id,
          dialog_id: dialog?.id,
          request_id: request,
        },
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
      request_id: request,
      created: '2026-11-03T12:00:00 UTC',
      read: 0,
      photo: null,
      video: null,
      audio: null,
      pdf: null,
      coordinates: null,
      attachments: [],
      remote_id: null,
      recipient_status: 'delivered',
      ai_tips: null,
      extra_data: null,
    });
    const again = await write('/v1/messages', { method: 'POST', body: { client_id: client?.id, text: 'И ещё' } });
    expect(again.body.data.message_id).toBe(maxId + 2);
    const note = await write('/v1/messages', { method: 'POST', body: { client_id: client?.id, text: 'Проверить адрес', type: 'comment' } });
    expect(note.body.data).toMatchObject({ message_id: maxId + 3, type: 'comment' });
    const answered = (await write(`/v1/dialogs/${dialog?.id}`)).body.data as C2DDialog;
    expect(answered).toMatchObject({ state: 'open', last_message: { id: maxId + 3, type: 'comment', client_id: client?.id, created: '2026-11-03T12:00:00 UTC' } });
    expect(answered).not.toHaveProperty('client_id');
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
    expect(sent.body.data).toMatchObject({ transport: reach?.transport, channel_id: reach?.channel_id, operator_id: 101 });
    const [latest] = (await write(`/v1/messages?client_id=${client?.id}&limit=1`)).body.data;
    expect(latest).toMatchObject({ transport: reach?.transport, channel_id: reach?.channel_id, operator_id: 101 });
  });

  it('refuses bad sends as Chat2Desk does, naming the field, and stores nothing', async () => {
    const { sandbox, call: write } = writable();
    const clientId = sandbox.store.data.clients[0]?.id;
    const post = (body: unknown) => write('/v1/messages', { method: 'POST', body });
    expect((await post('{not json')).body).toEqual({ status: 'error', message: 'Validation failed', errors: 'The request body must be a JSON object' });
    expect((await post({ text: 'hi', type: 'to_client' })).body).toEqual(validation('client_id', 'client_id is required (a positive integer)'));
    expect((await post({ client_id: clientId, type: 'to_client' })).body).toEqual(validation('text', 'text is required (1 to 4096 characters)'));
    expect((await post({ client_id: clientId, text: 'x'.repeat(4097), type: 'to_client' })).status).toBe(400);
    expect((await post({ client_id: clientId, text: 'hi', type: 'fax' })).body).toEqual(
      validation('type', 'type must be one of to_client, comment, autoreply, system, got "fax"'),
    );
    expect((await post({ client_id: clientId, text: 'hi', transport: 'fax' })).body.errors.transport[0]).toMatch(/cannot be reached through fax; use one of: \w+ \(channel \d\)/);
    expect(await post({ client_id: 999_999, text: 'hi' })).toEqual({ status: 200, body: { status: 'error', message: 'not_found' } });
    expect((await post({ client_id: clientId, text: 'hi', operator_id: 1 })).body.message).toBe('not_found');
    expect(sandbox.store.data.messages.filter((m) => m.created === '2026-11-03T12:00:00')).toHaveLength(0);
  });
});

describe('dialogs, operators, channels and the account', () => {
  it('filters dialogs by operator and state, latest activity first, the client only inside last_message', async () => {
    const operatorId = shared.store.data.dialogs[0]?.operator_id;
    const { body } = await call(`/v1/dialogs?operator_id=${operatorId}&state=closed&limit=200`);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((d: C2DDialog) => d.operator_id === operatorId && d.state === 'closed')).toBe(true);
    const expected = shared.store.listDialogs({ operatorId: operatorId ?? 0, state: 'closed' });
    expect(body.data.map((d: C2DDialog) => d.id)).toEqual(expected.map((d) => d.id));
    for (const [i, d] of (body.data as C2DDialog[]).entries()) expect(d.last_message?.client_id).toBe(expected[i]?.client_id);
    const open = await call('/v1/dialogs?state=open&limit=1');
    expect(open.body.meta.total).toBe(shared.store.data.dialogs.filter((d) => d.state === 'open').length);
  });

  it('sends messages counts both as numbers and as strings, as Chat2Desk does', async () => {
    const { body } = await call('/v1/dialogs?limit=10');
    expect(new Set(body.data.map((d: C2DDialog) => typeof d.messages))).toEqual(new Set(['number', 'string']));
  });

  it('ignores client_id on /v1/dialogs, as Chat2Desk does not filter by it', async () => {
    const client = shared.store.data.clients[20];
    const filtered = await call(`/v1/dialogs?client_id=${client?.id}&limit=3`);
    expect(filtered.body).toEqual((await call('/v1/dialogs?limit=3')).body);
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

  it('answers the account info, counting the calls it answered', async () => {
    const { call: fresh } = writable();
    await fresh('/v1/clients');
    await fresh('/v1/operators');
    expect((await fresh('/v1/companies/api_info')).body).toEqual({
      status: 'success',
      data: { companyID: 1, partnerID: 0, company_name: 'Sandbox LLP', admin_email: 'admin@sandbox.invalid', mode: 'sandbox', requests_this_month: 3 },
    });
  });

  it('PUT reassigns a dialog and records the transfer in the store (Chat2Desk has no endpoint to list them)', async () => {
    const { sandbox, call: write } = writable();
    const dialog = sandbox.store.data.dialogs[4];
    if (!dialog) throw new Error('seed 21 has too few dialogs');
    const from = dialog.operator_id;
    const to = sandbox.store.data.operators.find((o) => o.id !== from && o.online)?.id;
    const put = await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: { operator_id: to } });
    // A bare success, as Chat2Desk's clients read it (test/fixtures/chat2desk/writes.ts).
    expect(put).toEqual({ status: 200, body: { status: 'success', message: '' } });
    // The transfer also adds Chat2Desk's system message to the dialog.
    const wired = wireDialog(dialog, sandbox.store.lastMessage(dialog.id), sandbox.store.getDialogRoute(dialog.id)?.request_id ?? null);
    expect(wired).toMatchObject({ operator_id: to, last_message: { type: 'system', created: '2026-11-03T12:00:00 UTC' } });
    expect(sandbox.store.listTransfers({ dialogId: dialog.id })[0]).toMatchObject({ from_operator_id: from, to_operator_id: to, created: '2026-11-03T12:00:00' });
    expect((await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: {} })).body.errors).toMatch(/Give operator_id/);
    expect((await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: { operator_id: 1 } })).body.message).toBe('not_found');
    expect((await write('/v1/dialogs/999999', { method: 'PUT', body: { operator_id: to } })).body.message).toBe('not_found');
  });
});

describe('the operator’s work', () => {
  const done = { status: 200, body: { status: 'success', message: '' } };

  it('lists operator groups without paging (every operator in one), quick replies and tags', async () => {
    const groups = await call('/v1/operators_groups');
    expect(Object.keys(groups.body).toSorted()).toEqual(['data', 'status']);
    const members = new Set(groups.body.data.flatMap((g: { operator_ids: number[] }) => g.operator_ids));
    expect(members).toEqual(new Set(shared.store.data.operators.map((o) => o.id)));
    expect((await call('/v1/templates')).body.data[0]).toEqual({ id: 31, name: 'Приветствие', command: 'hi', text: expect.any(String), created: expect.any(String) });
    expect((await call('/v1/tags?limit=2')).body).toMatchObject({ data: [{ id: 201, label: 'VIP', group_name: 'Сегмент' }, { id: 202 }], meta: { total: 9, limit: 2 } });
  });

  it('filters clients by tags (any of them), each client carrying its tags', async () => {
    const tagged = await call('/v1/clients?tags=201,205&limit=200');
    expect(tagged.body.data.length).toBeGreaterThan(0);
    expect(tagged.body.data.every((c: C2DClient) => c.tags.some((t) => t.id === 201 || t.id === 205))).toBe(true);
    expect((await call('/v1/clients?tags=vip')).body).toEqual(validation('tags', 'tags must be a positive integer, got "vip"'));
  });

  it('PUT /v1/clients/{id} changes the card: nickname is the name operators give', async () => {
    const { sandbox, call: write } = writable();
    const id = sandbox.store.data.clients[3]?.id;
    expect(await write(`/v1/clients/${id}`, { method: 'PUT', body: { nickname: 'Данияр (опт)', comment: 'звонить после 18', extra_comment_1: '' } })).toEqual(done);
    expect((await write(`/v1/clients/${id}`)).body.data).toMatchObject({ assigned_name: 'Данияр (опт)', comment: 'звонить после 18', extra_comment_1: '' });
    expect((await write(`/v1/clients/${id}`, { method: 'PUT', body: { comment: 7 } })).body).toEqual(validation('comment', 'comment must be a string'));
    expect((await write('/v1/clients/999999', { method: 'PUT', body: { comment: 'x' } })).body.message).toBe('not_found');
  });

  it('assign_to puts tags on a client and delete_from takes one off, the client named in the query or a body', async () => {
    const { sandbox, call: write } = writable();
    const id = sandbox.store.data.clients.find((c) => !sandbox.store.data.clientTags.has(c.id))?.id ?? 0;
    expect(await write('/v1/tags/assign_to', { method: 'POST', body: { tag_ids: [201, '203'], assignee_type: 'client', assignee_id: id } })).toEqual(done);
    expect(sandbox.store.clientTags(id).map((t) => t.id)).toEqual([201, 203]);
    expect(await write(`/v1/tags/201/delete_from?client_id=${id}`, { method: 'DELETE' })).toEqual(done);
    expect(await write('/v1/tags/203/delete_from', { method: 'DELETE', body: { client_id: id } })).toEqual(done);
    expect(sandbox.store.clientTags(id)).toEqual([]);
    expect((await write('/v1/tags/assign_to', { method: 'POST', body: { tag_ids: [999], assignee_type: 'client', assignee_id: id } })).body).toEqual(validation('tag_ids', 'Tag 999 not found'));
    expect((await write('/v1/tags/assign_to', { method: 'POST', body: { tag_ids: [201], assignee_type: 'request', assignee_id: 1 } })).body.errors).toHaveProperty('assignee_type');
    expect((await write('/v1/tags/201/delete_from', { method: 'DELETE' })).body).toEqual(validation('client_id', 'client_id is required (a positive integer)'));
    expect((await write('/v1/tags/999/delete_from?client_id=1001', { method: 'DELETE' })).body.message).toBe('not_found');
  });

  it('PUT /v1/dialogs refuses an offline operator unless force_assign, and an initiator who is no operator', async () => {
    const { sandbox, call: write } = writable();
    const dialog = sandbox.store.data.dialogs.find((d) => d.state === 'open')!;
    const offline = sandbox.store.data.operators.find((o) => !o.online && o.id !== dialog.operator_id)!;
    expect((await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: { operator_id: offline.id } })).body).toEqual(
      validation('operator_id', `Operator ${offline.id} is offline; pass force_assign to hand the dialog over anyway`),
    );
    expect((await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: { operator_id: offline.id, initiator_id: 99 } })).body.errors).toHaveProperty('initiator_id');
    expect(await write(`/v1/dialogs/${dialog.id}`, { method: 'PUT', body: { operator_id: offline.id, force_assign: true, initiator_id: offline.id } })).toEqual(done);
    expect(sandbox.store.getDialog(dialog.id)?.operator_id).toBe(offline.id);
  });

  it('transfer_to_group hands the message’s dialog to the group’s least busy online operator; to an offline one only when forced', async () => {
    const { sandbox, call: write } = writable();
    const dialog = sandbox.store.data.dialogs.find((d) => d.state === 'open' && sandbox.store.lastMessage(d.id))!;
    const messageId = sandbox.store.lastMessage(dialog.id)!.id;
    const group = sandbox.store.data.operatorGroups[0]!;
    for (const o of sandbox.store.data.operators) o.online = o.id === group.operator_ids.at(-1);
    expect(await write(`/v1/messages/${messageId}/transfer_to_group?group_id=${group.id}`)).toEqual(done);
    expect(sandbox.store.getDialog(dialog.id)?.operator_id).toBe(group.operator_ids.at(-1));
    expect(sandbox.store.listTransfers({ dialogId: dialog.id })[0]).toMatchObject({ reason: group.name });

    for (const o of sandbox.store.data.operators) o.online = false;
    const nextMessage = sandbox.store.lastMessage(dialog.id)!.id;
    expect((await write(`/v1/messages/${nextMessage}/transfer_to_group?group_id=${group.id}`)).body.errors).toHaveProperty('force_assign');
    expect(await write(`/v1/messages/${nextMessage}/transfer_to_group?group_id=${group.id}&force_assign=1`)).toEqual(done);
    expect((await write(`/v1/messages/${nextMessage}/transfer_to_group`)).body).toEqual(validation('group_id', 'group_id is required (a positive integer)'));
    expect((await write(`/v1/messages/${nextMessage}/transfer_to_group?group_id=99`)).body.message).toBe('not_found');
  });

  it('keeps a sent file in its kind’s field, another file in attachments; a note never reopens a closed dialog', async () => {
    const { sandbox, call: write } = writable();
    const dialog = sandbox.store.data.dialogs.find((d) => d.state === 'closed' && d.client_id !== null)!;
    const clientId = dialog.client_id!;
    const send = (body: Record<string, unknown>) => write('/v1/messages', { method: 'POST', body: { client_id: clientId, text: 'файл', open_dialog: false, ...body } });
    await send({ attachment: 'https://files.test/u/1/scan.PDF' });
    await send({ attachment: 'https://files.test/u/2/x', attachment_filename: 'договор.docx' });
    const [docx, pdf] = (await write(`/v1/messages?client_id=${clientId}&limit=2`)).body.data;
    expect(pdf).toMatchObject({ pdf: 'https://files.test/u/1/scan.PDF', attachments: [] });
    expect(docx).toMatchObject({ pdf: null, attachments: [{ name: 'договор.docx', link: 'https://files.test/u/2/x' }] });
    expect((await send({ attachment: 'javascript:alert(1)' })).body).toEqual(validation('attachment', 'attachment must be an http or https URL'));

    expect((await write('/v1/messages', { method: 'POST', body: { client_id: clientId, text: 'заметка', type: 'comment' } })).status).toBe(200);
    expect(sandbox.store.getDialog(dialog.id)?.state).toBe('closed');
  });
});

describe('faults', () => {
  it.each([
    ['bad-token', 'Token is not correct'],
    ['quota', 'API calls exceeded API limit per month'],
    ['rate-limit', 'Number of API requests exceeded'],
  ] as const)('%s answers every call with Chat2Desk’s own error body at HTTP 200', async (fault, message) => {
    const { call: faulty } = writable({ faults: [fault] });
    const answers = await Promise.all(['/v1/clients', '/v1/dialogs/1', '/v1/companies/api_info'].map((path) => faulty(path)));
    for (const answer of answers) expect(answer).toEqual({ status: 200, body: { status: 'error', message } });
  });

  it('a bad token wins over the quota: Chat2Desk checks the token first', async () => {
    const { call: faulty } = writable({ faults: ['quota', 'bad-token'] });
    expect((await faulty('/v1/clients')).body.message).toBe('Token is not correct');
  });

  it('slow delays every answer, which still arrives', async () => {
    const { call: slow } = writable({ faults: ['slow'], slowMs: 120 });
    const started = performance.now();
    expect((await slow('/v1/operators')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});
