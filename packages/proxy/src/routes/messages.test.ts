import { describe, expect, it } from 'vitest';
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
