import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import type { FakeResponder } from '../test/createFakeUpstream.js';
import { collectEvents, postWebhook } from '../test/liveEvents.js';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { bearer, TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';
import { mapClient } from '../upstream/mappers.js';

const { upstream, start, call } = setupLiveProxy();

const patchJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ ...postJson(body, headers), method: 'PATCH' });

/** Client 1201 as Chat2Desk answers it: the fixture first, then with `changes` (after the write). */
const clientAfterWrite =
  (changes: Record<string, unknown>): FakeResponder =>
  (_call, n) =>
    n === 0 ? undefined : { body: { status: 'success', data: { ...c2d.clientOne, ...changes } } };

const vip = c2d.tagsList.data[0]!;
const newcomer = c2d.tagsList.data[1]!;

describe('PATCH /clients/:id', () => {
  it('writes the fields given to PUT /v1/clients/{id} (the name as nickname) and answers the card as it is now', async () => {
    await start();
    upstream.on('GET', '/v1/clients/1201', clientAfterWrite({ assigned_name: 'Айгерим (опт)', comment: '' }));
    // The first GET is the card as it was (cached by a console), the write's own read is fresh.
    await call('/clients/1201');
    const answer = await call('/clients/1201', patchJson({ name: 'Айгерим (опт)', comment: '', extraComment3: 'VIP с 2024' }));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual(mapClient({ data: { ...c2d.clientOne, assigned_name: 'Айгерим (опт)', comment: '' } }));
    expect(upstream.callsTo('/v1/clients/1201', 'PUT').map((c) => c.body)).toEqual([{ nickname: 'Айгерим (опт)', comment: '', extra_comment_3: 'VIP с 2024' }]);
    expect(upstream.callsTo('/v1/clients/1201').map((c) => c.method)).toEqual(['GET', 'PUT', 'GET']);
  });

  it('drops the cached card and client lists, updates the client index and tells every console once', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores, cacheTtlMs: 60_000 });
    const stream = collectEvents(proxy.url);
    await stream.opened;
    await call('/clients');
    upstream.on('GET', '/v1/clients/1201', { body: { status: 'success', data: { ...c2d.clientOne, assigned_name: 'Айгерим (опт)' } } });
    await call('/clients/1201', patchJson({ name: 'Айгерим (опт)' }));
    await call('/clients');
    expect(upstream.callsTo('/v1/clients')).toHaveLength(2);
    expect((await stores.clientIndex.search('опт', { limit: 5, offset: 0 })).entries).toEqual([expect.objectContaining({ id: 1201, assignedName: 'Айгерим (опт)' })]);
    await stream.until((events) => events.length > 0);
    // Chat2Desk's client_updated for the edit is stored without a second event.
    await postWebhook(proxy, c2d.hookClientUpdated);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events).toEqual([expect.objectContaining({ type: 'client', data: { change: 'updated', clientId: 1201 } })]);
    stream.close();
  });

  it.each([
    [{}, 'give at least one of name, comment, extraComment1, extraComment2, extraComment3'],
    [{ idempotencyKey: 'k' }, 'give at least one of'],
    [{ name: 7 }, 'name must be a string of at most 255 characters'],
    [{ comment: 'x'.repeat(2001) }, 'comment must be at most 2000 characters'],
    [{ phone: '77011234567' }, 'unknown field "phone"; the allowed ones are name, comment, extraComment1, extraComment2, extraComment3, idempotencyKey'],
  ])('refuses %j naming the field, and writes nothing', async (body, message) => {
    await start();
    expect(await call('/clients/1201', patchJson(body))).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(message) } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('answers 404 for a client Chat2Desk does not have', async () => {
    await start();
    expect(await call('/clients/999', patchJson({ comment: 'x' }))).toMatchObject({ status: 404, body: { error: { message: 'Client 999 not found' } } });
  });

  it('runs once per idempotencyKey', async () => {
    await start();
    const first = await call('/clients/1201', patchJson({ comment: 'перезвонить', idempotencyKey: 'edit-1' }));
    const again = await call('/clients/1201', patchJson({ comment: 'перезвонить', idempotencyKey: 'edit-1' }));
    expect(again.body).toEqual(first.body);
    expect(upstream.callsTo('/v1/clients/1201', 'PUT')).toHaveLength(1);
  });

  it('answers 403 naming "edit_client" to a seat whose c2d_scope leaves it out', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const answer = await call('/clients/1201', patchJson({ comment: 'x' }, bearer(await validJwt({ c2d_scope: ['read', 'tag'] }))));
    expect(answer).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('"edit_client"') } } });
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('POST /clients/:id/tags', () => {
  it('adds the missing tags in one assign_to and takes the extra ones off, then answers the card', async () => {
    await start();
    // Client 1201 carries VIP (77); it should carry Новый (78) only.
    upstream.on('GET', '/v1/clients/1201', clientAfterWrite({ tags: [newcomer] }));
    const answer = await call('/clients/1201/tags', postJson({ tagIds: [78] }));
    expect(answer.body.data).toMatchObject({ id: 1201, tags: [{ id: 78, label: 'Новый', groupId: 5, groupName: 'Segment', description: 'Первое обращение' }] });
    expect(upstream.callsTo('/v1/tags/assign_to', 'POST').map((c) => c.body)).toEqual([{ tag_ids: [78], assignee_type: 'client', assignee_id: 1201 }]);
    expect(upstream.callsTo('/v1/tags/77/delete_from', 'DELETE').map((c) => c.path)).toEqual(['/v1/tags/77/delete_from?client_id=1201']);
  });

  it('writes nothing when the client carries exactly those tags already', async () => {
    await start();
    expect((await call('/clients/1201/tags', postJson({ tagIds: [vip.id] }))).body.data).toMatchObject({ tags: [expect.objectContaining({ id: 77 })] });
    expect(upstream.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('tells every console once, and Chat2Desk’s add_tag_to_client for it adds nothing', async () => {
    const proxy = await start();
    const stream = collectEvents(proxy.url);
    await stream.opened;
    await call('/clients/1201/tags', postJson({ tagIds: [77, 78] }));
    await stream.until((events) => events.length > 0);
    await postWebhook(proxy, { hook_type: 'add_tag_to_client', client_id: 1201, tag_id: 78, event_time: '2025-09-09T14:00:00Z' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events).toEqual([expect.objectContaining({ type: 'client', data: { change: 'updated', clientId: 1201 } })]);
    stream.close();
  });

  it.each([
    [{}, 'tagIds'],
    [{ tagIds: '77' }, 'tagIds must be an array of tag ids'],
    [{ tagIds: [77, 77] }, 'tagIds must not repeat a tag'],
    [{ tagIds: [0] }, 'must be a positive integer'],
    [{ tagIds: [77, 5] }, 'tagIds: the account has no tag 5 (GET /tags lists them)'],
    [{ tagIds: [77], clientId: 1201 }, 'unknown field "clientId"'],
  ])('refuses %j naming the field, and writes nothing', async (body, message) => {
    await start();
    expect(await call('/clients/1201/tags', postJson(body))).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(message) } } });
    expect(upstream.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('runs once per idempotencyKey, the same tags in any order being the same request', async () => {
    await start();
    const first = await call('/clients/1201/tags', postJson({ tagIds: [78, 77], idempotencyKey: 'tags-1' }));
    const again = await call('/clients/1201/tags', postJson({ tagIds: [77, 78], idempotencyKey: 'tags-1' }));
    expect(again.body).toEqual(first.body);
    expect(upstream.callsTo('/v1/tags/assign_to')).toHaveLength(1);
  });

  it('answers 403 naming "tag" when the host refuses it', async () => {
    await start({ auth: { authorize: (_request, { action }) => action === 'read' } });
    expect(await call('/clients/1201/tags', postJson({ tagIds: [] }))).toMatchObject({ status: 403, body: { error: { message: 'The host app does not allow "tag" for this user' } } });
    expect(upstream.calls).toHaveLength(0);
  });
});
