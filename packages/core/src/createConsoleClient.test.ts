import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from './ConsoleApiError.js';
import { createConsoleClient, type ConsoleClient } from './createConsoleClient.js';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('createConsoleClient', () => {
  it('calls the proxy route with the query, bearer token and JSON accept header', async () => {
    const fetch = vi.fn(async () => json(200, { data: [], meta: { total: 0, limit: 5, offset: 10 } }));
    const client = createConsoleClient({ apiUrl: '/api/', getAuthToken: async () => 'jwt', fetch });
    const page = await client.listClients({ q: 'Айгерим', limit: 5, offset: 10, phone: undefined });
    expect(page.meta).toEqual({ total: 0, limit: 5, offset: 10 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/clients?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC&limit=5&offset=10');
    expect(init.method).toBe('GET');
    expect(init.headers).toMatchObject({ authorization: 'Bearer jwt', accept: 'application/json' });
  });

  it('unwraps single items and posts JSON bodies', async () => {
    const fetch = vi.fn(async () => json(201, { data: { messageId: 9, dialogId: 3, requestId: null, channelId: 1, transport: 'telegram' } }));
    const client = createConsoleClient({ apiUrl: 'http://proxy.test', fetch });
    const sent = await client.sendMessage({ clientId: 4, text: 'Hi', idempotencyKey: 'k1' });
    expect(sent.messageId).toBe(9);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://proxy.test/messages');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ clientId: 4, text: 'Hi', idempotencyKey: 'k1' });
    expect(init.headers).not.toHaveProperty('authorization');
  });

  it('turns the error envelope into a ConsoleApiError with status, code and Retry-After', async () => {
    const fetch = vi.fn(async () =>
      json(429, { error: { code: 'rate_limited', message: 'Too many requests' } }, { 'retry-after': '3' }),
    );
    const client = createConsoleClient({ apiUrl: '/api', fetch });
    const error = await client.getClient(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleApiError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: 'Too many requests', retryAfter: 3 });
    expect((error as ConsoleApiError).isClientError).toBe(false);
  });

  it('names a status code when the answer has no envelope', async () => {
    const fetch = vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await createConsoleClient({ apiUrl: '/api', fetch }).listOperators().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'upstream_error' });
  });

  it('reports an unreachable proxy as network_error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const error = await createConsoleClient({ apiUrl: '/api', fetch }).health().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as Error).message).toContain('/api');
  });

  it('passes an abort through untouched', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      return json(200, {});
    });
    const error = await createConsoleClient({ apiUrl: '/api', fetch: fetch as typeof globalThis.fetch })
      .getDialog(1, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
  });

  it('streams events with the bearer token and Last-Event-ID, and reports a refused stream as an error', async () => {
    const wire = 'id: 5\nevent: client\ndata: {"id":"5","type":"client","time":"t","data":{"change":"new","clientId":9}}\n\n';
    const fetch = vi.fn(async (url: string) =>
      url === '/api/events' ? new Response(wire, { status: 200, headers: { 'content-type': 'text/event-stream' } }) : json(401, {}),
    );
    const client = createConsoleClient({ apiUrl: '/api', getAuthToken: () => 'jwt', fetch: fetch as typeof globalThis.fetch });
    const seen: string[] = [];
    let opened = false;
    await client.streamEvents({ lastEventId: '4', onOpen: () => (opened = true), onEvent: (event) => seen.push(`${event.id}:${event.type}`) });
    expect(opened).toBe(true);
    expect(seen).toEqual(['5:client']);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ accept: 'text/event-stream', authorization: 'Bearer jwt', 'last-event-id': '4' });

    const refused = createConsoleClient({ apiUrl: '/api/x', fetch: fetch as typeof globalThis.fetch });
    await expect(refused.streamEvents({ onEvent: () => {} })).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('reports a stream that breaks off as network_error', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(': hello\n\n'));
        controller.error(new Error('socket hang up'));
      },
    });
    const fetch = vi.fn(async () => new Response(broken, { status: 200 }));
    const error = await createConsoleClient({ apiUrl: '/api', fetch }).streamEvents({ onEvent: () => {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as Error).message).toContain('socket hang up');
  });

  it('answers a degraded health check (503: Chat2Desk rejects the token) instead of throwing, and a 503 error envelope as an error', async () => {
    const degraded = { status: 'degraded', mode: 'live', upstream: { reachable: true, tokenValid: false, error: { code: 'upstream_auth', message: 'rejected' } } };
    const health = await createConsoleClient({ apiUrl: '/api', fetch: vi.fn(async () => json(503, degraded)) }).health();
    expect(health).toEqual(degraded);
    const quota = { error: { code: 'upstream_quota', message: 'quota used up' } };
    const error = await createConsoleClient({ apiUrl: '/api', fetch: vi.fn(async () => json(503, quota)) }).listOperators().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'upstream_quota', message: 'quota used up' });
  });

  it.each([
    ['listDialogs', (c: ConsoleClient) => c.listDialogs({ state: 'open', unassigned: true, limit: 5 }), 'GET', '/api/dialogs?state=open&unassigned=true&limit=5', undefined],
    ['getClientDialog', (c: ConsoleClient) => c.getClientDialog(7), 'GET', '/api/clients/7/dialog', undefined],
    ['transferDialog', (c: ConsoleClient) => c.transferDialog(5, { groupId: 2, force: true, idempotencyKey: 'k' }), 'POST', '/api/dialogs/5/transfer', { groupId: 2, force: true, idempotencyKey: 'k' }],
    ['closeDialog', (c: ConsoleClient) => c.closeDialog(5), 'POST', '/api/dialogs/5/close', {}],
    ['reopenDialog', (c: ConsoleClient) => c.reopenDialog(5, { idempotencyKey: 'k' }), 'POST', '/api/dialogs/5/reopen', { idempotencyKey: 'k' }],
    ['updateClient', (c: ConsoleClient) => c.updateClient(7, { comment: 'VIP' }), 'PATCH', '/api/clients/7', { comment: 'VIP' }],
    ['setClientTags', (c: ConsoleClient) => c.setClientTags(7, { tagIds: [1, 2] }), 'POST', '/api/clients/7/tags', { tagIds: [1, 2] }],
  ] as const)('%s calls %s %s', async (_name, call, method, url, body) => {
    const fetch = vi.fn(async () => json(200, { data: { id: 1 }, meta: { total: 1, limit: 5, offset: 0 } }));
    await call(createConsoleClient({ apiUrl: '/api', fetch }));
    const [calledUrl, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([init.method, calledUrl]).toEqual([method, url]);
    expect(init.body === undefined ? undefined : JSON.parse(init.body as string)).toEqual(body);
  });

  it.each([
    ['listOperatorGroups', '/api/operator-groups'],
    ['listTemplates', '/api/templates'],
    ['listTags', '/api/tags'],
  ] as const)('%s unwraps the list at %s', async (method, url) => {
    const fetch = vi.fn(async () => json(200, { data: [{ id: 3 }], meta: { total: 1, limit: 200, offset: 0 } }));
    const client = createConsoleClient({ apiUrl: '/api', fetch });
    expect(await client[method]()).toEqual([{ id: 3 }]);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe(url);
  });
});
