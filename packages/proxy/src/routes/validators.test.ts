import { describe, expect, it } from 'vitest';
import { postJson } from '../test/startProxy.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('request validation', () => {
  it('accepts the edges of the allowed values', async () => {
    await start();
    expect((await call('/clients?limit=200&offset=0')).status).toBe(200);
    expect((await call('/clients?limit=1&offset=999999')).status).toBe(200);
    expect((await call('/clients?limit=&offset=')).body.meta).toMatchObject({ limit: 20, offset: 0 });
    expect((await call('/messages', postJson({ clientId: 1201, text: 'я'.repeat(4096) }))).status).toBe(201);
  });

  it.each([
    ['/clients?limit=0', 'limit must be an integer from 1 to 200'],
    ['/clients?limit=201', 'limit must be an integer from 1 to 200'],
    ['/clients?limit=ten', 'limit must be an integer from 1 to 200'],
    ['/clients?offset=-1', 'offset must be an integer, 0 or more'],
    ['/clients?phone=call-me', 'phone must be digits'],
    ['/clients/0', 'id must be a positive integer'],
    ['/clients/abc/messages', 'id must be a positive integer'],
    ['/clients/11/messages?limit=500', 'limit must be an integer from 1 to 200'],
    ['/dialogs/1.5', 'id must be a positive integer'],
    ['/transfers?dialogId=x', 'dialogId must be a positive integer'],
    ['/transfers?operatorId=0', 'operatorId must be a positive integer'],
    ['/clients?name=Anna', 'unknown parameter "name"; the allowed ones are limit, offset, phone, q'],
    ['/clients/1201/messages?order=asc', 'unknown parameter "order"'],
    ['/operators?online=1&role=x', 'unknown parameters "online", "role"'],
    ['/transfers?dialog_id=5501', 'unknown parameter "dialog_id"'],
  ])('GET %s answers 400 bad_request naming the field', async (path, message) => {
    await start();
    const { status, body } = await call(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(message);
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    ['application/json-seq', 'Content-Type: application/json'],
    ['application/json-seq; charset=utf-8', 'Content-Type: application/json'],
    ['application/json; charset=utf-16', 'charset=utf-16'],
    ['application/json; charset="UTF-16LE"', 'charset="UTF-16LE"'],
    ['application/json;charset=iso-8859-1', 'charset=iso-8859-1'],
  ])('refuses a body declared as %s, without calling Chat2Desk', async (contentType, named) => {
    await start();
    const answer = await call('/messages', { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ clientId: 11, text: 'hi' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'bad_request', message: expect.stringContaining(named) });
    expect(upstream.calls).toHaveLength(0);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"', 'application/vnd.api+json'])(
    'accepts a body declared as %s',
    async (contentType) => {
      await start();
      const answer = await call('/messages', { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ clientId: 11, text: 'hi' }) });
      expect(answer.status).toBe(201);
    },
  );
});
