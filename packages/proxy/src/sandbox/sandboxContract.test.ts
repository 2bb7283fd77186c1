import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { jsonShapeMismatches, jsonShapeOf } from '../test/jsonShape.js';
import {
  mapApiInfo,
  mapChannelNames,
  mapClient,
  mapClientList,
  mapClientTransports,
  mapDialog,
  mapDialogList,
  mapMessageList,
  mapOperatorGroupList,
  mapOperatorList,
  mapSendResult,
  mapTagList,
  mapTemplateList,
  clientUpdateBody,
  dialogUpdateBody,
  sendMessageBody,
  tagAssignBody,
} from '../upstream/mappers.js';
import {
  apiInfoPath,
  C2D_PATHS,
  channelsPath,
  clientChannelsPath,
  clientPath,
  clientsPath,
  dialogPath,
  messagesPath,
  operatorGroupsPath,
  operatorsPath,
  tagDeleteFromPath,
  tagsPath,
  templatesPath,
  transferToGroupPath,
} from '../upstream/paths.js';
import { readBodyError } from '../upstream/upstreamErrors.js';
import { readWebhook } from '../upstream/readWebhook.js';
import { createSandboxApp, type SandboxAppOptions } from './createSandboxApp.js';
import type { SandboxChange } from './createSandboxStore.js';
import { sandboxWebhookPayloads } from './sandboxWebhooks.js';

// The contract of the fake Chat2Desk, from both sides:
// 1. its answers have the shape of Chat2Desk's real ones (the fixtures in test/fixtures/chat2desk,
//    written from the sources in shared/chat2desk-api.md): same keys, same value types, same time
//    formats, recursively, and the same error bodies;
// 2. the proxy's paths and mappers read every one of its answers.
// The mappers are tested on the fixtures too, so the fake and the mappers cannot drift away from
// the real API together.

const app = createSandboxApp({ seed: 4, clients: 50, now: () => new Date('2026-11-03T12:00:00Z') });
const client = app.store.data.clients.find((c) => (app.store.getClientTransports(c.id)?.length ?? 0) > 1) ?? app.store.data.clients[0];
const clientId = client?.id ?? 0;
const dialogId = app.store.latestDialog(clientId)?.id ?? 0;
const page = { limit: 20, offset: 0 };

async function answer(sandbox: { app: { request: (input: string, init: RequestInit) => Response | Promise<Response> } }, path: string, init: RequestInit = {}) {
  const response = await sandbox.app.request(`http://sandbox.local${path}`, {
    ...init,
    headers: { authorization: 'sandbox', accept: 'application/json', 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
const get = async (path: string): Promise<unknown> => {
  const { status, body } = await answer(app, path);
  expect(status).toBe(200);
  return body;
};

/** Where `body` differs from the shape of `fixtures`, one line each (none: it has the real shape). */
const differences = (body: unknown, ...fixtures: unknown[]): string[] => jsonShapeMismatches(body, jsonShapeOf(fixtures));

describe('the sandbox answers in Chat2Desk’s real shapes (the fixtures)', () => {
  const endpoints: Array<[string, string, unknown[]]> = [
    ['GET /v1/clients', clientsPath(page), [c2d.clientsList]],
    ['GET /v1/clients/{id}', clientPath(clientId), [c2d.clientItem, { ...c2d.clientItem, data: c2d.clientTwo }]],
    ['GET /v1/clients/{id}/transport', clientChannelsPath(clientId), [c2d.clientTransport]],
    ['GET /v1/channels', channelsPath(), [c2d.channelsList]],
    ['GET /v1/messages', messagesPath(clientId, { limit: 200, offset: 0 }), [c2d.messagesList]],
    ['GET /v1/dialogs/{id}', dialogPath(dialogId), [c2d.dialogItem, { ...c2d.dialogItem, data: c2d.dialogClosed }]],
    ['GET /v1/dialogs', '/v1/dialogs?limit=200', [c2d.dialogsList]],
    ['GET /v1/operators', operatorsPath(), [c2d.operatorsList]],
    ['GET /v1/operators_groups', operatorGroupsPath(), [c2d.operatorGroupsList]],
    ['GET /v1/templates', templatesPath(), [c2d.templatesList]],
    ['GET /v1/tags', tagsPath(), [c2d.tagsList]],
    ['GET /v1/companies/api_info', apiInfoPath(), [c2d.apiInfo]],
  ];
  it.each(endpoints)('%s', async (_, path, fixtures) => {
    expect(differences(await get(path), ...fixtures)).toEqual([]);
  });

  it('POST /v1/messages', async () => {
    const { body } = await answer(app, '/v1/messages', { method: 'POST', body: JSON.stringify(sendMessageBody({ clientId, text: 'Contract check' })) });
    expect(differences(body, c2d.sendResult)).toEqual([]);
  });

  it('answers the writes of the operator’s work as Chat2Desk does: a bare success', async () => {
    const writer = createSandboxApp({ seed: 4, clients: 50, now: () => new Date('2026-11-03T12:00:00Z') });
    const online = writer.store.data.operators.find((o) => o.online);
    const dialog = writer.store.data.dialogs.find((d) => d.state === 'open' && d.operator_id !== online?.id && writer.store.lastMessage(d.id));
    const group = writer.store.data.operatorGroups.find((g) => g.operator_ids.some((id) => writer.store.getOperator(id)?.online));
    const tag = writer.store.data.tags[0];
    if (!online || !dialog || !group || !tag) throw new Error('seed 4 lacks what the writes need');
    const writes: Array<[string, RequestInit]> = [
      [dialogPath(dialog.id), { method: 'PUT', body: JSON.stringify(dialogUpdateBody({ operatorId: online.id }, online.id)) }],
      [dialogPath(dialog.id), { method: 'PUT', body: JSON.stringify(dialogUpdateBody({ state: 'closed' })) }],
      [clientPath(clientId), { method: 'PUT', body: JSON.stringify(clientUpdateBody({ name: 'Контракт', comment: 'проверка' })) }],
      [C2D_PATHS.tagsAssign, { method: 'POST', body: JSON.stringify(tagAssignBody(clientId, [tag.id])) }],
      [tagDeleteFromPath(tag.id, clientId), { method: 'DELETE' }],
      [transferToGroupPath(writer.store.lastMessage(dialog.id)?.id ?? 0, group.id, true), { method: 'GET' }],
    ];
    for (const [path, init] of writes) {
      // oxlint-disable-next-line no-await-in-loop -- one write after another, as the proxy sends them
      const { status, body } = await answer(writer, path, init);
      expect({ path, status, differences: differences(body, c2d.writeSuccess) }).toEqual({ path, status: 200, differences: [] });
    }
    expect(writer.store.getClient(clientId)).toMatchObject({ assigned_name: 'Контракт', comment: 'проверка' });
    const refused = await answer(writer, C2D_PATHS.tagsAssign, { method: 'POST', body: JSON.stringify(tagAssignBody(clientId, [99_999])) });
    // A refused write names its field in `errors`, as a refused send does.
    expect(differences(refused.body, { ...c2d.errorSendRefused, errors: { tag_ids: ['…'] } })).toEqual([]);
  });

  it('serves the cases the first release got wrong: both time formats, string counts, unknown types, every kind of media', async () => {
    const messages = (await get('/v1/messages?limit=200')) as typeof c2d.messagesList;
    const text = JSON.stringify(messages);
    expect(text).toMatch(/"created":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC"/);
    const older = (await get('/v1/messages?limit=200&order=asc')) as typeof c2d.messagesList;
    expect(JSON.stringify(older)).toMatch(/"created":"\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d"/);
    const all = app.store.data.messages;
    expect(all.some((m) => !['from_client', 'to_client', 'system', 'autoreply', 'comment'].includes(m.type))).toBe(true);
    for (const field of ['photo', 'pdf', 'audio', 'video', 'coordinates'] as const) expect(all.some((m) => m[field] !== null)).toBe(true);
    expect(all.some((m) => m.attachments.length > 0)).toBe(true);
  });

  it.each([
    ['an unknown record', () => answer(app, '/v1/clients/999999'), c2d.errorNotFound],
    ['an unknown path', () => answer(app, '/v1/transfers'), c2d.errorPageNotFound],
    ['no token', () => answer(app, '/v1/clients', { headers: { authorization: '' } }), c2d.errorNeedAuth],
    ['a refused send', () => answer(app, '/v1/messages', { method: 'POST', body: JSON.stringify({ client_id: clientId, text: 'hi', transport: 'fax' }) }), c2d.errorSendRefused],
    ['the bad-token fault', () => answer(createSandboxApp({ clients: 5, faults: ['bad-token'] }), '/v1/clients'), c2d.errorTokenIncorrect],
    ['the rate-limit fault', () => answer(createSandboxApp({ clients: 5, faults: ['rate-limit'] }), '/v1/clients'), c2d.errorRateLimited],
    ['the quota fault', () => answer(createSandboxApp({ clients: 5, faults: ['quota'] } satisfies SandboxAppOptions), '/v1/clients'), c2d.errorQuota],
  ] as const)('answers %s with Chat2Desk’s error body', async (_, ask, fixture) => {
    const { body } = await ask();
    expect(differences(body, fixture)).toEqual([]);
    expect((body as { message: string }).message).toBe(fixture.message);
  });
});

describe('the proxy’s paths and mappers read every sandbox answer', () => {
  it('clients, one client and its channels', async () => {
    const list = mapClientList(await get(clientsPath(page)));
    expect(list.data).toHaveLength(20);
    expect(list.meta).toMatchObject({ total: 50, limit: 20, offset: 0 });
    const byPhone = mapClientList(await get(clientsPath({ ...page, phone: client?.phone?.slice(0, 6) ?? '7' })));
    expect(byPhone.data.map((c) => c.id)).toContain(clientId);
    expect(mapClient(await get(clientPath(clientId)))).toMatchObject({ id: clientId, avatar: null, lastClientMessage: expect.stringMatching(/Z$/) });
    const transports = mapClientTransports(await get(clientChannelsPath(clientId)));
    expect(transports.flatMap((t) => t.transports).length).toBeGreaterThan(1);
    const names = mapChannelNames(await get(channelsPath()));
    expect(transports.every((t) => typeof names.get(t.channelId) === 'string')).toBe(true);
  });

  it('messages of every kind, a send, dialogs, operators and the account', async () => {
    const { body } = await answer(app, '/v1/messages', { method: 'POST', body: JSON.stringify(sendMessageBody({ clientId, text: 'Mapper check' }, 101)) });
    const result = mapSendResult(body);
    const messages = mapMessageList(await get(messagesPath(clientId, page)));
    expect(messages.data[0]).toMatchObject({ id: result.messageId, text: 'Mapper check', dialogId: result.dialogId, type: 'to_client', operatorId: 101, read: false });
    const everything = mapMessageList(await get('/v1/messages?limit=200')).data;
    expect(everything.every((m) => m.created.endsWith('Z'))).toBe(true);
    expect(mapDialog(await get(dialogPath(result.dialogId ?? 0)))).toMatchObject({ id: result.dialogId, clientId, state: 'open', lastMessage: { id: result.messageId } });
    expect(mapDialogList(await get('/v1/dialogs?limit=200')).data.every((d) => d.clientId !== null && d.lastMessageAt?.endsWith('Z'))).toBe(true);
    expect(mapOperatorList(await get(operatorsPath())).data.length).toBe(app.store.data.operators.length);
    expect(mapApiInfo(await get(apiInfoPath())).requestsThisMonth).toBeGreaterThan(0);
  });

  it('operator groups, quick replies, tags, and clients filtered by a tag with their tags', async () => {
    const groups = mapOperatorGroupList(await get(operatorGroupsPath())).data;
    expect(groups.length).toBe(app.store.data.operatorGroups.length);
    expect(new Set(groups.flatMap((g) => g.operatorIds))).toEqual(new Set(app.store.data.operators.map((o) => o.id)));
    expect(mapTemplateList(await get(templatesPath())).data.every((t) => t.text !== '' && (t.title ?? '') !== '')).toBe(true);
    const tags = mapTagList(await get(tagsPath())).data;
    const tagged = app.store.data.clientTags.entries().next().value;
    if (!tagged) throw new Error('seed 4 tags no client');
    const [taggedId, tagIds] = tagged;
    const filtered = mapClientList(await get(clientsPath({ limit: 200, offset: 0, tagId: tagIds[0] }))).data;
    expect(filtered.map((c) => c.id)).toContain(taggedId);
    expect(filtered.find((c) => c.id === taggedId)?.tags).toEqual(tags.filter((t) => tagIds.includes(t.id)));
  });

  it('the sandbox’s error bodies are the ones the proxy’s error table knows', async () => {
    const ask = async (options: SandboxAppOptions, path: string) => readBodyError(JSON.stringify((await answer(createSandboxApp({ clients: 5, ...options }), path)).body));
    expect((await ask({}, '/v1/clients/999999'))?.kind).toBe('not_found');
    expect((await ask({ faults: ['bad-token'] }, '/v1/clients'))?.kind).toBe('token_rejected');
    expect((await ask({ faults: ['rate-limit'] }, '/v1/clients'))?.kind).toBe('rate_limited');
    expect((await ask({ faults: ['quota'] }, '/v1/clients'))?.kind).toBe('quota');
  });
});

describe('the sandbox’s webhook deliveries have Chat2Desk’s real shapes, and the proxy reads them', () => {
  const sandbox = createSandboxApp({ seed: 5, clients: 30, now: () => new Date('2026-11-03T12:00:00Z') });
  const { store } = sandbox;
  /** The deliveries `act` makes the sandbox send. */
  const deliveries = (act: () => unknown) => {
    const changes: SandboxChange[] = [];
    const stop = store.subscribe((change) => changes.push(change));
    act();
    stop();
    return changes.flatMap((change) => sandboxWebhookPayloads(store, change));
  };
  const assigned = store.data.dialogs.find((d) => d.state === 'open' && d.operator_id !== null && d.client_id !== null);
  const other = store.data.operators.find((o) => o.id !== assigned?.operator_id);
  const cases: Array<[string, () => unknown, unknown[]]> = [
    ['inbox', () => store.receiveMessage({ clientId: assigned?.client_id ?? 0, text: 'Когда доставка?' }), [c2d.hookInbox, c2d.hookOutbox]],
    ['outbox', () => store.sendMessage({ clientId: assigned?.client_id ?? 0, text: 'Завтра', operatorId: other?.id }), [c2d.hookInbox, c2d.hookOutbox]],
    ['comment', () => store.sendMessage({ clientId: assigned?.client_id ?? 0, text: 'Проверить адрес', type: 'comment' }), [c2d.hookComment]],
    ['dialog_transferred', () => store.updateDialog(assigned?.id ?? 0, { operatorId: other?.id ?? 0 }), [c2d.hookDialogTransferred]],
    ['close_dialog', () => store.updateDialog(assigned?.id ?? 0, { state: 'closed' }), [c2d.hookCloseDialog]],
    ['new_client', () => store.addClient({ name: 'Ерлан', phone: '77071112233', route: { channel_id: 1, transport: 'whatsapp' } }), [c2d.hookNewClient]],
    ['client_updated', () => store.assignName(assigned?.client_id ?? 0, 'Айгерим (VIP)'), [c2d.hookClientUpdated]],
    // ⚠ No source shows the tag hooks' payloads (L): the shape of client_updated, naming the tag.
    [
      'add_tag_to_client',
      () => store.assignTags(assigned?.client_id ?? 0, [store.data.tags.find((tag) => !store.clientTags(assigned?.client_id ?? 0).includes(tag))?.id ?? 0]),
      [{ ...c2d.hookClientUpdated, hook_type: 'add_tag_to_client', tag_id: 201 }],
    ],
  ];
  it.each(cases)('%s', (hook, act, fixtures) => {
    const sent = deliveries(act).filter((payload) => payload.hook_type === hook);
    expect(sent).toHaveLength(1);
    expect(differences(sent[0], ...fixtures)).toEqual([]);
    expect(readWebhook(sent[0] as never, '2026-11-03T12:00:00.000Z')).toMatchObject({ problem: null, event: { time: '2026-11-03T12:00:00.000Z' } });
  });

  it('reports a client writing to a closed dialog as a new request (it reopens), and system messages not at all', () => {
    const sent = deliveries(() => store.receiveMessage({ clientId: assigned?.client_id ?? 0, text: 'Ещё вопрос' })).map((p) => p.hook_type);
    expect(sent).toEqual(['new_request', 'inbox']);
    expect(deliveries(() => store.updateDialog(assigned?.id ?? 0, { state: 'closed' })).map((p) => p.hook_type)).toEqual(['close_dialog']);
  });
});
