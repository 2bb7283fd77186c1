import type { Client, ConsoleEvent, Dialog, InboxDialog, Message, Operator, OperatorGroup, Tag, Template, Transfer } from '@c2d-console/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents } from './test/liveEvents.js';
import { postJson, startProxy, type TestProxy } from './test/startProxy.js';

// The operator's work end to end in sandbox mode: the proxy's routes, the fake Chat2Desk's
// writes, and its webhooks coming back through the proxy's own webhook route.

let proxy: TestProxy;

beforeAll(async () => {
  proxy = await startProxy({ sandbox: { seed: 11, clients: 120 } });
});
afterAll(() => proxy.close());

const data = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const answer = await proxy.call(path, init);
  if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.data as unknown as T;
};
const patchJson = (body: unknown): RequestInit => ({ ...postJson(body), method: 'PATCH' });
/** The sandbox delivers its webhooks a moment after each write: wait for them to be stored. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
const ofType = <T extends ConsoleEvent['type']>(events: ConsoleEvent[], type: T) => events.filter((e): e is Extract<ConsoleEvent, { type: T }> => e.type === type);

async function openDialogWithOperator(): Promise<InboxDialog> {
  const inbox = await data<InboxDialog[]>('/dialogs?state=open&limit=50');
  const dialog = inbox.find((d) => d.operatorId !== null && d.lastMessage !== null);
  if (!dialog) throw new Error('seed 11 has no open dialog with an operator');
  return dialog;
}

describe('the operator’s work in sandbox mode', () => {
  it('lists the inbox newest activity first, each dialog named with its client', async () => {
    const inbox = await data<InboxDialog[]>('/dialogs?state=open&limit=10');
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((d) => d.state === 'open')).toBe(true);
    const times = inbox.map((d) => d.lastMessageAt ?? '');
    expect(times).toEqual(times.toSorted().toReversed());
    const named = inbox.filter((d) => d.client !== null);
    expect(named.length).toBeGreaterThan(0);
    const first = named[0]!;
    const client = await data<Client>(`/clients/${first.clientId}`);
    expect(first.client).toEqual({ id: client.id, name: client.name, assignedName: client.assignedName, phone: client.phone });
  });

  it('filters the inbox by operator and finds the unassigned ones, saying how far it looked', async () => {
    const operatorId = (await openDialogWithOperator()).operatorId!;
    const mine = await data<InboxDialog[]>(`/dialogs?operatorId=${operatorId}&limit=50`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.operatorId === operatorId)).toBe(true);
    const queue = await proxy.call('/dialogs?unassigned=true&limit=5');
    expect((queue.body.data as unknown as InboxDialog[]).every((d) => d.operatorId === null)).toBe(true);
    expect(queue.body.meta).toMatchObject({ limit: 5, offset: 0, scan: { scanned: expect.any(Number), complete: true } });
  });

  it('finds a client’s current dialog', async () => {
    const dialog = await openDialogWithOperator();
    expect(await data<Dialog>(`/clients/${dialog.clientId}/dialog`)).toMatchObject({ id: dialog.id, clientId: dialog.clientId, state: 'open' });
  });

  it('transfers a dialog to an online operator: answered at once, recorded once, told once', async () => {
    const dialog = await openDialogWithOperator();
    const operators = await data<Operator[]>('/operators');
    const target = operators.find((o) => o.online && o.id !== dialog.operatorId)!;
    const stream = collectEvents(proxy.url);
    await stream.opened;
    const after = await data<Dialog>(`/dialogs/${dialog.id}/transfer`, postJson({ operatorId: target.id, idempotencyKey: 'transfer-1' }));
    expect(after).toMatchObject({ id: dialog.id, operatorId: target.id });
    await stream.until((events) => ofType(events, 'transfer').length > 0);
    await settle();
    const transfers = ofType(stream.events, 'transfer');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]?.data).toMatchObject({ dialogId: dialog.id, fromOperatorId: dialog.operatorId, toOperatorId: target.id, toOperatorName: `${target.firstName} ${target.lastName}` });
    // The sandbox's dialog_transferred webhook echoed the write: stored, but no second event.
    expect(ofType(stream.events, 'dialog').filter((e) => e.data.dialogId === dialog.id)).toEqual([
      expect.objectContaining({ data: { change: 'transferred', dialogId: dialog.id, clientId: dialog.clientId, operatorId: target.id } }),
    ]);
    const history = await data<Transfer[]>(`/transfers?dialogId=${dialog.id}`);
    expect(history.filter((t) => t.toOperatorId === target.id && t.fromOperatorId === dialog.operatorId)).toHaveLength(1);
    // The same key again answers the first outcome without a second transfer.
    expect(await data<Dialog>(`/dialogs/${dialog.id}/transfer`, postJson({ operatorId: target.id, idempotencyKey: 'transfer-1' }))).toEqual(after);
    stream.close();
  });

  it('refuses an offline operator unless forced, and hands the dialog to a group', async () => {
    const dialog = await openDialogWithOperator();
    const operators = await data<Operator[]>('/operators');
    const offline = operators.find((o) => !o.online && o.id !== dialog.operatorId)!;
    const refused = await proxy.call(`/dialogs/${dialog.id}/transfer`, postJson({ operatorId: offline.id }));
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringMatching(/operator_id.*offline; pass force_assign/) } } });
    expect(await data<Dialog>(`/dialogs/${dialog.id}/transfer`, postJson({ operatorId: offline.id, force: true }))).toMatchObject({ operatorId: offline.id });

    const groups = await data<OperatorGroup[]>('/operator-groups');
    const group = groups.find((g) => g.operatorIds.some((id) => operators.find((o) => o.id === id)?.online && id !== offline.id))!;
    const grouped = await data<Dialog>(`/dialogs/${dialog.id}/transfer`, postJson({ groupId: group.id }));
    expect(group.operatorIds).toContain(grouped.operatorId);
    await settle();
    const [latest] = await data<Transfer[]>(`/transfers?dialogId=${dialog.id}&limit=1`);
    expect(latest).toMatchObject({ fromOperatorId: offline.id, toOperatorId: grouped.operatorId, reason: group.name });
  });

  it('closes and reopens a dialog, each told once; closing a closed one writes nothing', async () => {
    const dialog = await openDialogWithOperator();
    const stream = collectEvents(proxy.url);
    await stream.opened;
    expect(await data<Dialog>(`/dialogs/${dialog.id}/close`, postJson({}))).toMatchObject({ id: dialog.id, state: 'closed', end: expect.any(String) });
    expect(await data<Dialog>(`/dialogs/${dialog.id}/close`, postJson({}))).toMatchObject({ state: 'closed' });
    expect(await data<Dialog>(`/dialogs/${dialog.id}/reopen`, postJson({}))).toMatchObject({ state: 'open', end: null });
    await stream.until((events) => ofType(events, 'dialog').length >= 2);
    await settle();
    expect(ofType(stream.events, 'dialog').map((e) => e.data.change)).toEqual(['closed', 'reopened']);
    stream.close();
  });

  it('leaves an internal note that shows in the history as a comment, told once', async () => {
    const dialog = await openDialogWithOperator();
    const stream = collectEvents(proxy.url);
    await stream.opened;
    const sent = await proxy.call('/messages', postJson({ clientId: dialog.clientId, text: 'Клиент просит перезвонить', type: 'comment' }));
    expect(sent.status).toBe(201);
    const [newest] = await data<Message[]>(`/clients/${dialog.clientId}/messages?limit=1`);
    expect(newest).toMatchObject({ id: sent.body.data.messageId, type: 'comment', text: 'Клиент просит перезвонить' });
    await stream.until((events) => ofType(events, 'message').length > 0);
    await settle();
    expect(ofType(stream.events, 'message')).toEqual([expect.objectContaining({ data: expect.objectContaining({ kind: 'comment', messageId: newest?.id }) })]);
    stream.close();
  });

  it('sends a file uploaded to the sandbox’s own storage, which serves it back', async () => {
    const dialog = await openDialogWithOperator();
    const form = new FormData();
    form.append('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'чек.png', { type: 'image/png' }));
    const uploaded = await proxy.call('/sandbox/files', { method: 'POST', body: form });
    expect(uploaded).toMatchObject({ status: 201, body: { data: { filename: 'чек.png', size: 4, contentType: 'image/png' } } });
    const url = uploaded.body.data.url as string;
    expect(url.startsWith(`${proxy.url}/sandbox/files/`)).toBe(true);
    const served = await fetch(url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));

    const sent = await proxy.call('/messages', postJson({ clientId: dialog.clientId, text: 'Ваш чек', attachment: { url, filename: 'чек.png' } }));
    expect(sent.status).toBe(201);
    const [newest] = await data<Message[]>(`/clients/${dialog.clientId}/messages?limit=1`);
    expect(newest?.attachments).toEqual([{ url, kind: 'photo', name: null }]);
  });

  it('serves tags, quick replies and operator groups, sets a client’s tags and filters clients by one', async () => {
    const tags = await data<Tag[]>('/tags');
    expect(tags.length).toBeGreaterThan(3);
    expect(tags[0]).toEqual({ id: expect.any(Number), label: expect.any(String), groupId: expect.any(Number), groupName: expect.any(String), description: expect.toBeOneOf([null, expect.any(String)]) });
    const templates = await data<Template[]>('/templates');
    // A quick reply without a name is known by the command operators type.
    expect(templates.find((t) => t.text.startsWith('Оплатить'))?.title).toBe('pay');
    expect(templates.every((t) => t.text.length > 0)).toBe(true);
    expect((await data<OperatorGroup[]>('/operator-groups')).length).toBeGreaterThan(0);

    const client = (await data<Client[]>('/clients?limit=1'))[0]!;
    const wanted = [tags[1]!.id, tags[3]!.id];
    const tagged = await data<Client>(`/clients/${client.id}/tags`, postJson({ tagIds: wanted }));
    expect(tagged.tags.map((t) => t.id).toSorted()).toEqual(wanted.toSorted());
    expect((await data<Client>(`/clients/${client.id}`)).tags).toEqual(tagged.tags);
    const filtered = await data<Client[]>(`/clients?tagId=${tags[3]!.id}&limit=200`);
    expect(filtered.some((c) => c.id === client.id)).toBe(true);
    expect(filtered.every((c) => c.tags.some((t) => t.id === tags[3]!.id))).toBe(true);
    expect((await data<Client>(`/clients/${client.id}/tags`, postJson({ tagIds: [] }))).tags).toEqual([]);
  });

  it('edits a client card: the name operators give, the comments', async () => {
    const client = (await data<Client[]>('/clients?limit=3'))[2]!;
    const stream = collectEvents(proxy.url);
    await stream.opened;
    const edited = await data<Client>(`/clients/${client.id}`, patchJson({ name: 'Айгерим (опт)', comment: 'перезвонить в пятницу', extraComment2: '' }));
    expect(edited).toMatchObject({ id: client.id, assignedName: 'Айгерим (опт)', comment: 'перезвонить в пятницу', name: client.name });
    await stream.until((events) => ofType(events, 'client').length > 0);
    await settle();
    expect(ofType(stream.events, 'client')).toEqual([expect.objectContaining({ data: { change: 'updated', clientId: client.id } })]);
    // The client index learnt the new name: a name search finds it at once.
    expect((await data<Client[]>(`/clients?q=${encodeURIComponent('Айгерим (опт)')}`)).map((c) => c.id)).toContain(client.id);
    stream.close();
  });
});

describe('the login fault', () => {
  it('shows Chat2Desk’s sign-in page in the frame, while the API works', async () => {
    const loggedOut = await startProxy({ sandbox: { seed: 11, clients: 20, faults: ['login'] } });
    try {
      const frame = await loggedOut.request('/chat/all?dialogID=1&minifiedView=2');
      expect(frame.status).toBe(200);
      const page = await frame.text();
      expect(page).toContain('Sign in to Chat2Desk');
      expect(page).not.toContain('data-dialog="1"');
      const signIn = await loggedOut.request('/chat/login', { method: 'POST', body: new URLSearchParams({ email: 'op@example.com', password: 'x' }) });
      expect(await signIn.text()).toContain('login fault');
      expect((await loggedOut.call('/dialogs?limit=1')).status).toBe(200);
    } finally {
      await loggedOut.close();
    }
  });
});
