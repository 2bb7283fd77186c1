import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { collectEvents, postWebhook } from '../test/liveEvents.js';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { bearer, TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';

const { upstream, start, call } = setupLiveProxy();

describe('messages route', () => {
  it('POST /messages sends a to_client message and answers 201 with the mapped result', async () => {
    await start();
    const { status, body } = await call('/messages', postJson({ clientId: 1201, text: 'Здравствуйте!', channelId: 3, transport: 'whatsapp' }));
    expect(status).toBe(201);
    expect(body).toEqual({ data: { messageId: 900109, dialogId: 5501, requestId: 88001, channelId: 3, transport: 'whatsapp' } });
    const [sent] = upstream.callsTo('/v1/messages', 'POST');
    expect(sent?.body).toEqual({ client_id: 1201, text: 'Здравствуйте!', type: 'to_client', transport: 'whatsapp', channel_id: 3 });
    expect(sent?.headers['content-type']).toBe('application/json');
  });

  it('POST /messages attributes the send to the caller’s operator (the JWT’s c2d_operator_id)', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const asOperator = bearer(await validJwt({ c2d_operator_id: 102 }));
    expect((await call('/messages', postJson({ clientId: 1201, text: 'from Anna' }, asOperator))).status).toBe(201);
    expect((await call('/messages', postJson({ clientId: 1201, text: 'from the CRM' }, bearer(await validJwt())))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST').map((c) => c.body)).toEqual([
      { client_id: 1201, text: 'from Anna', type: 'to_client', operator_id: 102 },
      { client_id: 1201, text: 'from the CRM', type: 'to_client' },
    ]);
  });

  it('POST /messages with type "comment" leaves an internal note: Chat2Desk’s type comment', async () => {
    await start();
    expect((await call('/messages', postJson({ clientId: 1201, text: 'Клиент просит скидку', type: 'comment' }))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')[0]?.body).toEqual({ client_id: 1201, text: 'Клиент просит скидку', type: 'comment' });
  });

  it('POST /messages sends a file by URL, with the name the client sees', async () => {
    await start();
    const attachment = { url: 'https://files.example.com/u/42/%D1%87%D0%B5%D0%BA.pdf', filename: 'чек.pdf' };
    expect((await call('/messages', postJson({ clientId: 1201, text: 'Ваш чек', attachment }))).status).toBe(201);
    expect((await call('/messages', postJson({ clientId: 1201, text: 'Фото', attachment: { url: 'http://127.0.0.1:8787/sandbox/files/1/a.png' } }))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST').map((c) => c.body)).toEqual([
      { client_id: 1201, text: 'Ваш чек', type: 'to_client', attachment: attachment.url, attachment_filename: 'чек.pdf' },
      { client_id: 1201, text: 'Фото', type: 'to_client', attachment: 'http://127.0.0.1:8787/sandbox/files/1/a.png' },
    ]);
  });

  it('tells every console of the send at once, and Chat2Desk’s outbox webhook for it is stored once', async () => {
    const proxy = await start();
    const stream = collectEvents(proxy.url);
    await stream.opened;
    await call('/messages', postJson({ clientId: 1201, text: 'Здравствуйте!' }));
    await stream.until((events) => events.length > 0);
    expect(stream.events[0]).toMatchObject({ type: 'message', data: { kind: 'outbox', clientId: 1201, dialogId: 5501, messageId: 900109, messageType: 'to_client', text: 'Здравствуйте!' } });
    const echo = await postWebhook(proxy, { ...c2d.hookOutbox, message_id: 900109 });
    expect(echo.body.data).toMatchObject({ duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events).toHaveLength(1);
    stream.close();
  });

  it('answers 403 naming "note" to a seat that may send but not leave notes, and sends nothing', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const seat = bearer(await validJwt({ c2d_scope: 'read send' }));
    expect(await call('/messages', postJson({ clientId: 1201, text: 'a note', type: 'comment' }, seat))).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('"note"') } } });
    expect((await call('/messages', postJson({ clientId: 1201, text: 'a reply' }, seat))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST').map((c) => c.body)).toEqual([expect.objectContaining({ text: 'a reply' })]);
  });

  it('a key reused for the same text as a note instead of a reply is another request, refused', async () => {
    await start();
    expect((await call('/messages', postJson({ clientId: 1201, text: 'hi', idempotencyKey: 'm-1' }))).status).toBe(201);
    expect((await call('/messages', postJson({ clientId: 1201, text: 'hi', type: 'comment', idempotencyKey: 'm-1' }))).status).toBe(400);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it.each([
    [{ clientId: 1201, text: 'x', type: 'system' }, 'type must be "to_client" (a message to the client) or "comment" (an internal note)'],
    [{ clientId: 1201, text: 'x', attachment: 'https://x.test/a.pdf' }, 'attachment'],
    [{ clientId: 1201, text: 'x', attachment: { url: 'ftp://x.test/a.pdf' } }, 'attachment.url must be an http or https URL'],
    [{ clientId: 1201, text: 'x', attachment: { url: 'https://x.test/a.pdf', filename: '../a.pdf' } }, 'attachment.filename must be a file name without slashes'],
    [{ clientId: 1201, text: 'x', attachment: { filename: 'a.pdf' } }, 'attachment.url'],
  ])('POST /messages refuses %j naming the field', async (body, message) => {
    await start();
    expect(await call('/messages', postJson(body))).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(message) } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    [{ clientId: 1201, text: 'from Anna', operatorId: 102 }, 'unknown field "operatorId"; the allowed ones are clientId, text, channelId, transport, type, attachment, idempotencyKey'],
    [{ clientId: 1201, text: 'see file', attachment_url: 'https://x', attachment_filename: 'a.pdf' }, 'unknown fields "attachment_url", "attachment_filename"'],
    [{ clientId: 1201, text: 'see file', attachment: { url: 'https://x.test/a.pdf', name: 'a.pdf' } }, 'attachment: unknown field "name"; the allowed ones are url, filename'],
  ])('POST /messages refuses an unknown field by name instead of dropping it: %j', async (body, message) => {
    await start();
    const answer = await call('/messages', postJson(body));
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining(`Invalid body: ${message}`) } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    [{ text: 'hi' }, 'clientId'],
    [{ clientId: '11', text: 'hi' }, 'clientId must be a positive integer'],
    [{ clientId: -1, text: 'hi' }, 'clientId must be a positive integer'],
    [{ clientId: 11, text: '' }, 'text must be a string of 1 to 4096 characters'],
    [{ clientId: 11, text: '   ' }, 'text must not be blank'],
    [{ clientId: 11, text: 'я'.repeat(4097) }, 'text must be at most 4096 characters'],
    [{ clientId: 11 }, 'text'],
    [{ clientId: 11, text: 'hi', channelId: 0 }, 'channelId must be a positive integer'],
    [{ clientId: 11, text: 'hi', transport: 'Whats App' }, 'transport must be a transport name'],
    [{ clientId: 11, text: 'hi', idempotencyKey: '' }, 'idempotencyKey must be a string'],
    ['{"clientId": 11, "text": ', 'not valid JSON'],
  ])('POST /messages with %j answers 400 naming the problem', async (body, message) => {
    await start();
    const answer = await call('/messages', postJson(body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_request');
    expect(answer.body.error.message).toContain(message);
    expect(upstream.calls).toHaveLength(0);
  });

  it('POST /messages refuses a body that is not declared as JSON', async () => {
    await start();
    const answer = await call('/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"clientId":11,"text":"hi"}' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('Content-Type: application/json') } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it("a send drops that client's cached messages, and only those", async () => {
    await start({ cacheTtlMs: 60_000 });
    await call('/clients/1201/messages');
    await call('/clients/1202/messages');
    await call('/clients');
    await call('/messages', postJson({ clientId: 1201, text: 'new' }));
    await call('/clients/1201/messages');
    await call('/clients/1202/messages');
    await call('/clients');
    const reads = upstream.callsTo('/v1/messages', 'GET').map((c) => c.query.get('client_id'));
    expect(reads).toEqual(['1201', '1202', '1201']);
    expect(upstream.callsTo('/v1/clients')).toHaveLength(1);
  });
});
