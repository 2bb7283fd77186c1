import type { Client, Message, Transfer } from '@c2d-console/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';
import { createSandboxStore } from './sandbox/createSandboxStore.js';
import { collectEvents } from './test/liveEvents.js';
import { postJson, startProxy, type TestProxy } from './test/startProxy.js';

let proxy: TestProxy;

beforeAll(async () => {
  proxy = await startProxy({ sandbox: { seed: 7 } });
});
afterAll(() => proxy.close());

const snakeKeys = (value: unknown): string[] =>
  JSON.stringify(value).match(/"[a-z]+_[a-z_0-9]+":/g) ?? [];

describe('sandbox mode through the proxy (no token)', () => {
  it('GET /health says sandbox', async () => {
    expect((await proxy.call('/health')).body).toEqual({ status: 'ok', mode: 'sandbox' });
  });

  it('GET /clients answers hundreds of seeded clients, mapped to camelCase', async () => {
    const { status, body } = await proxy.call('/clients?limit=50');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(50);
    expect(body.meta).toMatchObject({ limit: 50, offset: 0 });
    expect(body.meta.total).toBeGreaterThanOrEqual(500);
    const first = body.data[0] as unknown as Client;
    expect(Object.keys(first).toSorted()).toEqual(
      [
        'id', 'name', 'phone', 'assignedName', 'comment', 'avatar', 'regionId', 'countryId', 'firstClientMessage',
        'lastClientMessage', 'extraComment1', 'extraComment2', 'extraComment3', 'externalId', 'tags', 'customFields',
      ].toSorted(),
    );
    expect(snakeKeys(body)).toEqual([]);
  });

  it('honours q and paging like Chat2Desk would', async () => {
    const all = await proxy.call('/clients?limit=5');
    const second = all.body.data[1] as unknown as Client;
    const fragment = (second.name ?? '').split(' ')[0] ?? '';
    const found = await proxy.call(`/clients?q=${encodeURIComponent(fragment)}&limit=200`);
    expect(found.body.data.length).toBeGreaterThan(0);
    expect(found.body.data.some((c) => c.id === second.id)).toBe(true);
    const next = await proxy.call('/clients?limit=2&offset=1');
    expect(next.body.data[0]?.id).toBe(second.id);
  });

  it('serves a client, its channels, messages, transfers with operator names, and its dialog', async () => {
    const transfers = await proxy.call('/transfers?limit=20');
    const transfer = transfers.body.data.find((t) => t.fromOperatorId !== null) as unknown as Transfer;
    expect(transfer).toBeDefined();
    expect(transfer.toOperatorName).toEqual(expect.any(String));
    expect(transfer.fromOperatorName).toEqual(expect.any(String));
    const clientId = transfer.clientId!;

    expect((await proxy.call(`/clients/${clientId}`)).body.data).toMatchObject({ id: clientId });
    const channels = await proxy.call(`/clients/${clientId}/channels`);
    expect(channels.body.data.length).toBeGreaterThan(0);
    expect(channels.body.data[0]).toEqual({ channelId: expect.any(Number), transport: expect.any(String), name: expect.anything() });
    const dialog = await proxy.call(`/dialogs/${transfer.dialogId}`);
    expect(dialog.body.data).toMatchObject({ id: transfer.dialogId, state: expect.stringMatching(/^(open|closed)$/) });
    const operators = await proxy.call('/operators');
    expect(operators.body.data.length).toBeGreaterThan(1);
    expect(snakeKeys([channels.body, dialog.body, operators.body, transfers.body])).toEqual([]);
  });

  it('shows a sent message first in the client history', async () => {
    const client = (await proxy.call('/clients?limit=1')).body.data[0] as unknown as Client;
    await proxy.call(`/clients/${client.id}/messages`); // cached now
    const sent = await proxy.call('/messages', postJson({ clientId: client.id, text: 'Привет из песочницы', idempotencyKey: 'sandbox-1' }));
    expect(sent.status).toBe(201);
    const history = await proxy.call(`/clients/${client.id}/messages?limit=5`);
    const newest = history.body.data[0] as unknown as Message;
    expect(newest).toMatchObject({ id: sent.body.data.messageId, text: 'Привет из песочницы', type: 'to_client', clientId: client.id });
    const times = (history.body.data as unknown as Message[]).map((m) => Date.parse(m.created));
    expect(times).toEqual(times.toSorted((a, b) => b - a));
  });

  it('serves the fake Chat2Desk web UI under /chat/ for DialogFrame', async () => {
    const dialogId = ((await proxy.call('/transfers?limit=1')).body.data[0] as unknown as Transfer).dialogId;
    const page = await proxy.request(`/chat/all?dialogID=${dialogId}&minifiedView=1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<html/i);
  });

  it('allows a local dev server origin by default', async () => {
    const answer = await proxy.request('/clients?limit=1', { headers: { origin: 'http://localhost:5173' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const foreign = await proxy.request('/clients?limit=1', { headers: { origin: 'https://example.com' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is deterministic for a seed', async () => {
    const request = () => new Request('http://proxy.test/clients?limit=3');
    const a = await (await createProxy({ sandbox: { seed: 3 }, logger: false }).fetch(request())).json();
    const b = await (await createProxy({ sandbox: { seed: 3 }, logger: false }).fetch(request())).json();
    const c = await (await createProxy({ sandbox: { seed: 4 }, logger: false }).fetch(request())).json();
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it.each([
    ['quota', 503, 'upstream_quota'],
    ['bad-token', 502, 'upstream_auth'],
    ['rate-limit', 429, 'rate_limited'],
  ] as const)('with the %s fault, answers every API route %i %s', async (fault, status, code) => {
    const faulty = createProxy({ sandbox: { clients: 5, faults: [fault] }, logger: false, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 5 } });
    const answer = await faulty.fetch(new Request('http://proxy.test/clients?limit=1'));
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(code);
    // The health check and the fake web UI stay up: only Chat2Desk's API is in trouble.
    expect((await faulty.fetch(new Request('http://proxy.test/health'))).status).toBe(200);
  });

  it('refuses a fault it does not know, naming the ones it does', () => {
    expect(() => createProxy({ sandbox: { faults: ['flood' as never] } })).toThrow(/"flood" is not a fault; use any of quota, rate-limit, bad-token, slow/);
  });

  it('records the sandbox’s seeded transfer history through the recorder, and serves it from there', async () => {
    const seeded = createSandboxStore({ seed: 7 }).data.transfers;
    const { body } = await proxy.call('/transfers?limit=200');
    expect(body.meta.total).toBe(seeded.length);
    const newest = seeded.toSorted((a, b) => (a.created < b.created ? 1 : -1))[0];
    expect(body.data[0]).toMatchObject({ dialogId: newest?.dialog_id, fromOperatorId: newest?.from_operator_id, toOperatorId: newest?.to_operator_id, created: `${newest?.created}.000Z` });
  });

  it('tells every open console of a reply written in the fake web UI, through its own webhook route', async () => {
    const dialogId = ((await proxy.call('/transfers?limit=1')).body.data[0] as unknown as Transfer).dialogId;
    const clientId = ((await proxy.call(`/dialogs/${dialogId}`)).body.data as unknown as { clientId: number }).clientId;
    await proxy.call(`/clients/${clientId}/messages?limit=1`); // cached now
    const stream = collectEvents(proxy.url);
    await stream.opened;
    const form = new URLSearchParams({ dialogID: String(dialogId), text: 'Ответ из окна диалога' });
    const sent = await proxy.request('/chat/all/send', { method: 'POST', body: form, redirect: 'manual' });
    expect(sent.status).toBe(303);
    await stream.until((events) => events.some((e) => e.type === 'message'));
    expect(stream.events.find((e) => e.type === 'message')).toMatchObject({ data: { kind: 'outbox', clientId, dialogId, text: 'Ответ из окна диалога' } });
    // The webhook dropped the cached history: the console's refetch shows the reply.
    expect((await proxy.call(`/clients/${clientId}/messages?limit=1`)).body.data[0]).toMatchObject({ text: 'Ответ из окна диалога' });
    expect(proxy.logs.some((line) => line.includes('"route":"/webhooks/chat2desk/:secret"') && line.includes('"status":200'))).toBe(true);
    stream.close();
  });

  it('runs the simulated activity when asked: clients write, dialogs are transferred and closed, each a webhook', async () => {
    const busy = await startProxy({ sandbox: { seed: 7, clients: 40, activity: { intervalMs: 100 } } });
    try {
      const before = (await busy.call('/transfers?limit=1')).body.meta.total as number;
      const stream = collectEvents(busy.url);
      await stream.opened;
      await stream.until((events) => ['message', 'transfer'].every((type) => events.some((e) => e.type === type)), 15_000);
      expect(((await busy.call('/transfers?limit=1')).body.meta.total as number)).toBeGreaterThan(before);
      const transfer = stream.events.find((e) => e.type === 'transfer') as unknown as { data: Transfer };
      expect(transfer.data.toOperatorName).toEqual(expect.any(String));
      stream.close();
    } finally {
      await busy.close();
    }
  });

  it('runs no activity unless asked', async () => {
    const quiet = await startProxy({ sandbox: { seed: 7, clients: 40 } });
    try {
      const stream = collectEvents(quiet.url);
      await stream.opened;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.events).toEqual([]);
      stream.close();
    } finally {
      await quiet.close();
    }
  });
});
