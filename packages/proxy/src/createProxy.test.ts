import type { Client, Dialog, Message, Operator, Transfer } from '@c2d-console/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyOptions } from './options.js';
import { createFakeUpstream, type FakeUpstream } from './test/createFakeUpstream.js';
import { postJson, startProxy, type TestProxy } from './test/startProxy.js';

const TOKEN = 'c2d-test-token-5f1e2d3c4b5a69788796a5b4c3d2e1f0';

let upstream: FakeUpstream;
let proxy: TestProxy | undefined;

beforeAll(async () => {
  upstream = await createFakeUpstream();
});
afterAll(() => upstream.close());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  upstream.reset();
});

async function start(options: ProxyOptions = {}): Promise<TestProxy> {
  proxy = await startProxy({ token: TOKEN, upstreamUrl: upstream.url, insecureNoAuth: true, rateLimit: false, ...options });
  return proxy;
}

const getJson = (path: string, init?: RequestInit) => proxy!.call(path, init);
const post = (body: unknown) => postJson(body);

describe('createProxy routes (live mode over HTTP)', () => {
  it('GET /health answers the mode without calling Chat2Desk', async () => {
    await start();
    expect(await getJson('/health')).toMatchObject({ status: 200, body: { status: 'ok', mode: 'live' } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('GET /clients maps every client field to camelCase and passes the paging through', async () => {
    await start();
    const { status, body, headers } = await getJson('/clients');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.meta).toEqual({ total: 2, limit: 20, offset: 0 });
    expect(body.data[0]).toEqual({
      id: 11,
      name: 'Айгерим Касымова',
      phone: '77011234567',
      assignedName: 'Айгерим (VIP)',
      comment: 'prefers WhatsApp',
      avatar: 'https://cdn.example/a.png',
      regionId: 2,
      countryId: 7,
      firstClientMessage: '2026-10-01T08:00:00.000Z',
      lastClientMessage: '2026-11-01T11:30:15.000Z',
      extraComment1: 'one',
      extraComment2: null,
      extraComment3: 'three',
      externalId: 'CRM-11',
    } satisfies Client);
    expect(body.data[1]).toMatchObject({ id: 12, assignedName: null, firstClientMessage: null, externalId: null });
    const [call] = upstream.calls;
    expect(call?.path).toBe('/v1/clients?limit=20&offset=0');
    // Chat2Desk wants the bare token, no "Bearer".
    expect(call?.headers.authorization).toBe(TOKEN);
  });

  it('GET /clients turns phone and q into Chat2Desk filters', async () => {
    await start();
    await getJson('/clients?limit=1&offset=1&phone=%2B7%20(701)%20123-45-67');
    await getJson('/clients?q=%2B7%20701');
    await getJson('/clients?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC');
    expect(upstream.calls.map((c) => Object.fromEntries(c.query))).toEqual([
      { limit: '1', offset: '1', phone: '77011234567' },
      { limit: '20', offset: '0', phone: '7701' },
      { limit: '20', offset: '0', q: 'Айгерим' },
    ]);
  });

  it('GET /clients/:id answers one client, and 404 not_found for an unknown one', async () => {
    await start();
    const found = await getJson('/clients/12');
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ id: 12, name: 'James Brown', phone: '447700900123' });
    const missing = await getJson('/clients/999');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Client 999 not found' } } });
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/clients/12', '/v1/clients/999']);
  });

  it('GET /clients/:id/channels maps the client transports', async () => {
    await start();
    const { body } = await getJson('/clients/11/channels');
    expect(body).toEqual({
      data: [
        { channelId: 3, transport: 'whatsapp', name: '+7 701 000 00 01' },
        { channelId: 4, transport: 'telegram', name: null },
      ],
    });
    expect(upstream.calls[0]?.path).toBe('/v1/clients/11/transport');
  });

  it('GET /clients/:id/messages asks for the newest first and maps messages with attachments', async () => {
    await start();
    const { body } = await getJson('/clients/11/messages?limit=5&offset=0');
    expect(upstream.calls[0]?.path).toBe('/v1/messages?client_id=11&limit=5&offset=0&order=desc');
    expect(body.meta).toEqual({ total: 2, limit: 5, offset: 0 });
    expect(body.data).toEqual([
      {
        id: 502,
        text: 'Ваш заказ в пути',
        type: 'to_client',
        transport: 'whatsapp',
        channelId: 3,
        operatorId: 7,
        dialogId: 900,
        clientId: 11,
        created: '2026-11-01T11:31:00.000Z',
        read: true,
        attachments: [{ url: 'https://cdn.example/invoice.pdf', kind: 'document', name: 'invoice.pdf' }],
      },
      {
        id: 501,
        text: '',
        type: 'from_client',
        transport: 'whatsapp',
        channelId: 3,
        operatorId: null,
        dialogId: 900,
        clientId: 11,
        created: '2026-11-01T11:30:15.000Z',
        read: false,
        attachments: [{ url: 'https://cdn.example/photo.jpg', kind: 'photo', name: null }],
      },
    ] satisfies Message[]);
  });

  it('POST /messages sends a to_client message and answers 201 with the mapped result', async () => {
    await start();
    const { status, body } = await getJson('/messages', post({ clientId: 11, text: 'Здравствуйте!', channelId: 3, transport: 'whatsapp' }));
    expect(status).toBe(201);
    expect(body).toEqual({ data: { messageId: 503, dialogId: 900, requestId: 77, channelId: 3, transport: 'whatsapp' } });
    const [call] = upstream.callsTo('/v1/messages', 'POST');
    expect(call?.body).toEqual({ client_id: 11, text: 'Здравствуйте!', type: 'to_client', transport: 'whatsapp', channel_id: 3 });
    expect(call?.headers['content-type']).toBe('application/json');
  });

  it('GET /transfers filters upstream and names the operators from the operators list', async () => {
    await start();
    const { body } = await getJson('/transfers?dialogId=900&limit=10');
    expect(upstream.callsTo('/v1/transfers')[0]?.path).toBe('/v1/transfers?dialog_id=900&limit=10&offset=0');
    expect(upstream.callsTo('/v1/operators')[0]?.path).toBe('/v1/operators?limit=200&offset=0');
    expect(body.meta).toEqual({ total: 3, limit: 10, offset: 0 });
    expect(body.data).toEqual([
      {
        id: 31,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: 8,
        toOperatorId: 7,
        fromOperatorName: 'max@example.com',
        toOperatorName: 'Алия Нурпеисова',
        created: '2026-11-01T11:35:00.000Z',
        reason: 'VIP',
      },
      {
        id: 30,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: null,
        toOperatorId: 8,
        fromOperatorName: null,
        toOperatorName: 'max@example.com',
        created: '2026-11-01T11:30:20.000Z',
        reason: null,
      },
      {
        id: 29,
        dialogId: 900,
        clientId: 11,
        fromOperatorId: 7,
        toOperatorId: 99,
        fromOperatorName: 'Алия Нурпеисова',
        toOperatorName: null,
        created: '2026-11-01T11:20:00.000Z',
        reason: null,
      },
    ] satisfies Transfer[]);
  });

  it('GET /transfers still answers, without names, when the operators list fails', async () => {
    await start({ retry: { retries: 0 } });
    upstream.on('GET', '/v1/operators', { status: 500 });
    const { status, body } = await getJson('/transfers?clientId=11&operatorId=7');
    expect(status).toBe(200);
    expect(upstream.callsTo('/v1/transfers')[0]?.path).toBe('/v1/transfers?client_id=11&operator_id=7&limit=20&offset=0');
    expect(body.data[0]).toMatchObject({ id: 31, fromOperatorName: null, toOperatorName: null });
  });

  it('GET /dialogs/:id maps the dialog', async () => {
    await start();
    const { body } = await getJson('/dialogs/900');
    expect(body).toEqual({
      data: {
        id: 900,
        state: 'open',
        begin: '2026-11-01T11:30:15.000Z',
        end: null,
        operatorId: 7,
        clientId: 11,
        lastMessage: '2026-11-01T11:31:00.000Z',
        messagesCount: 2,
      } satisfies Dialog,
    });
    expect((await getJson('/dialogs/901')).body.error.message).toBe('Dialog 901 not found');
  });

  it('GET /operators answers the whole list by default', async () => {
    await start();
    const { body } = await getJson('/operators');
    expect(upstream.calls[0]?.path).toBe('/v1/operators?limit=200&offset=0');
    expect(body.meta).toEqual({ total: 2, limit: 200, offset: 0 });
    expect(body.data).toEqual([
      { id: 7, email: 'aliya@example.kz', firstName: 'Алия', lastName: 'Нурпеисова', role: 'supervisor', online: true, openedDialogs: 4 },
      { id: 8, email: 'max@example.com', firstName: null, lastName: null, role: 'operator', online: false, openedDialogs: 0 },
    ] satisfies Operator[]);
  });

  it('accepts the edges of the allowed values', async () => {
    await start();
    expect((await getJson('/clients?limit=200&offset=0')).status).toBe(200);
    expect((await getJson('/clients?limit=1&offset=999999')).status).toBe(200);
    expect((await getJson('/clients?limit=&offset=')).body.meta).toMatchObject({ limit: 20, offset: 0 });
    expect((await getJson('/messages', post({ clientId: 11, text: 'я'.repeat(4096) }))).status).toBe(201);
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
  ])('GET %s answers 400 bad_request naming the field', async (path, message) => {
    await start();
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(message);
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
    const answer = await getJson('/messages', post(body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_request');
    expect(answer.body.error.message).toContain(message);
    expect(upstream.calls).toHaveLength(0);
  });

  it('POST /messages refuses a body that is not declared as JSON', async () => {
    await start();
    const answer = await getJson('/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"clientId":11,"text":"hi"}' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('Content-Type: application/json') } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('answers unknown routes and methods with the 404 envelope', async () => {
    await start();
    const routes = [['GET', '/nope'], ['DELETE', '/clients'], ['GET', '/chat/all'], ['PUT', '/messages']] as const;
    const answers = await Promise.all(routes.map(([method, path]) => getJson(path, { method })));
    routes.forEach(([method, path], i) => {
      expect(answers[i]?.status).toBe(404);
      expect(answers[i]?.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining(`No route ${method} ${path}`) } });
    });
  });

  it('answers 502 upstream_error when Chat2Desk answers an unexpected shape', async () => {
    await start();
    upstream.on('GET', '/v1/clients', { body: { data: [{ id: 'eleven' }], status: 'success' } });
    const { status, body } = await getJson('/clients');
    expect(status).toBe(502);
    expect(body.error.code).toBe('upstream_error');
    expect(body.error.message).toMatch(/unexpected shape \(data\.0\.id/);
  });

  it('writes one JSON log line a request: method, route pattern, status, ms, upstream calls', async () => {
    await start();
    await getJson('/clients/11');
    await getJson('/clients/abc');
    await getJson('/nope');
    const lines = proxy!.logs.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      time: expect.any(String),
      level: 'info',
      method: 'GET',
      route: '/clients/:id',
      status: 200,
      ms: expect.any(Number),
      upstreamCalls: 1,
    });
    expect(lines[1]).toMatchObject({ route: '/clients/:id', status: 400, upstreamCalls: 0 });
    expect(lines[2]).toMatchObject({ method: 'GET', status: 404, upstreamCalls: 0 });
    // Paths can carry phone numbers: only the pattern is logged.
    expect(proxy!.logs.join('\n')).not.toContain('/clients/11');
  });

  it('marks every API answer as not cacheable by browsers and shared caches', async () => {
    await start();
    const answer = await proxy!.request('/clients');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
