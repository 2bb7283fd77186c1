import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createMemoryStores } from '../store/createMemoryStores.js';
import { collectEvents, postWebhook, TEST_WEBHOOK_SECRET, webhookPath } from '../test/liveEvents.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { postJson } from '../test/startProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('POST /webhooks/chat2desk/:secret', () => {
  it('stores a delivery at the configured secret, and answers 404 to any other, the secret in no log line', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores });
    const accepted = await postWebhook(proxy, c2d.hookInbox);
    expect(accepted).toMatchObject({ status: 200, body: { data: { id: '1', duplicate: false } } });
    expect(await stores.eventLog.delivery('1')).toMatchObject({ hookType: 'inbox', dedupeKey: 'inbox:900110', payload: c2d.hookInbox });

    const paths = [webhookPath('wrong-secret-0123456789'), webhookPath(`${TEST_WEBHOOK_SECRET}x`), webhookPath(''), '/webhooks/chat2desk'];
    const refused = await Promise.all(paths.map((path) => call(path, postJson(c2d.hookInbox))));
    expect(refused.map((answer) => [answer.status, answer.body.error.code])).toEqual(paths.map(() => [404, 'not_found']));
    expect(JSON.stringify(refused.map((answer) => answer.body))).not.toContain('wrong-secret');
    // Nor is a webhook ever a JWT route: no Authorization needed, none looked at.
    await call(webhookPath(), postJson('not json'));
    expect(proxy.logs.length).toBeGreaterThan(5);
    expect(proxy.logs.filter((line) => line.includes(TEST_WEBHOOK_SECRET))).toEqual([]);
    expect((await stores.eventLog.readAfter(null, 10)).events).toHaveLength(1);
  });

  it('accepts no webhooks in live mode without a secret', async () => {
    const proxy = await start({ webhooks: {} });
    expect((await postWebhook(proxy, c2d.hookInbox)).status).toBe(404);
  });

  it('verifies Chat2Desk’s HMAC signature over the raw body when one is configured', async () => {
    const signature = { header: 'X-C2D-Signature', key: 'hmac-key-for-tests', algorithm: 'SHA-256', encoding: 'hex' } as const;
    const proxy = await start({ webhooks: { secret: TEST_WEBHOOK_SECRET, signature } });
    const body = JSON.stringify(c2d.hookOutbox);
    const sign = (text: string) => createHmac('sha256', signature.key).update(text).digest('hex');
    expect((await postWebhook(proxy, body, { 'x-c2d-signature': sign(body) })).status).toBe(200);
    const wrong = await postWebhook(proxy, body, { 'x-c2d-signature': sign(`${body} `) });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(wrong.body.error.message).toMatch(/X-C2D-Signature signature is missing or wrong/i);
    expect((await postWebhook(proxy, body)).status).toBe(401);
    expect(proxy.logs.join('\n')).not.toContain(signature.key);
  });

  it('stores Chat2Desk’s retries of a delivery once, and streams its event once', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores });
    const stream = collectEvents(proxy.url);
    await stream.opened;
    // Chat2Desk's retries come one after another (10 s, 5 min, 2 h later).
    const answers = [await postWebhook(proxy, c2d.hookInbox), await postWebhook(proxy, c2d.hookInbox), await postWebhook(proxy, c2d.hookInbox)];
    expect(answers.map((a) => [a.status, a.body.data])).toEqual([
      [200, { id: '1', duplicate: false }],
      [200, { id: '1', duplicate: true }],
      [200, { id: '1', duplicate: true }],
    ]);
    await postWebhook(proxy, c2d.hookCloseDialog);
    await stream.until((events) => events.length === 2);
    expect(stream.events.map((e) => `${e.id}:${e.type}`)).toEqual(['1:message', '2:dialog']);
    stream.close();
  });

  it('keeps an unknown hook type (and a known one it cannot read) without streaming it', async () => {
    const stores = createMemoryStores();
    const proxy = await start({ store: stores });
    const stream = collectEvents(proxy.url);
    await stream.opened;
    expect((await postWebhook(proxy, c2d.hookUnknown)).body.data).toEqual({ id: '1', duplicate: false });
    expect((await postWebhook(proxy, { hook_type: 'inbox', event_time: '2025-09-09T13:25:40Z' })).status).toBe(200);
    await postWebhook(proxy, c2d.hookOutbox);
    await stream.until((events) => events.length === 1);
    expect(stream.events.map((e) => `${e.id}:${e.type}`)).toEqual(['3:message']);
    expect(await stores.eventLog.delivery('1')).toMatchObject({ hookType: 'ticket_updated', payload: c2d.hookUnknown, event: null });
    expect(proxy.logs.some((line) => line.includes('inbox without message_id, client_id'))).toBe(true);
    stream.close();
  });

  it('refuses what is not a delivery (400) and a body over 256 KiB (413)', async () => {
    const proxy = await start();
    const bodies = ['{"hook_type":', '[]', '{"message_id":1}', '{"hook_type":""}'];
    expect((await Promise.all(bodies.map((body) => postWebhook(proxy, body)))).map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    const huge = await postWebhook(proxy, { ...c2d.hookInbox, text: 'x'.repeat(300 * 1024) });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('answers once the delivery is stored, without waiting for the dialog read a transfer needs', async () => {
    const proxy = await start();
    upstream.on('GET', '/v1/dialogs/5501', { latencyMs: 3000 });
    const started = performance.now();
    expect((await postWebhook(proxy, c2d.hookDialogTransferred)).status).toBe(200);
    // Well under the 3 s read (the bench measures the real figure: a few milliseconds).
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('drops the cached answers each event makes stale, and only those', async () => {
    await start();
    const gets = ['/clients/1201/messages', '/dialogs/5501', '/clients/1201', '/clients/1202'];
    // One after another, so that the upstream calls come in this order.
    const readAll = async () => {
      for (const path of gets) {
        // oxlint-disable-next-line no-await-in-loop -- in order, see above
        expect((await call(path)).status).toBe(200);
      }
    };
    const upstreamReads = () => upstream.calls.filter((c) => c.method === 'GET').map((c) => c.pathname);
    await readAll();
    await readAll(); // all cached now
    expect(upstreamReads()).toEqual(['/v1/messages', '/v1/dialogs/5501', '/v1/clients/1201', '/v1/clients/1202']);
    upstream.calls.length = 0;

    const proxy = { call };
    await postWebhook(proxy, c2d.hookOutbox); // the client's messages and the dialog's last message
    await readAll();
    expect(upstreamReads()).toEqual(['/v1/messages', '/v1/dialogs/5501']);
    upstream.calls.length = 0;

    await postWebhook(proxy, c2d.hookClientUpdated); // the client's card
    await readAll();
    expect(upstreamReads()).toEqual(['/v1/clients/1201']);
    upstream.calls.length = 0;

    await postWebhook(proxy, c2d.hookInbox); // messages, dialog and card (when the client last wrote)
    await readAll();
    expect(upstreamReads()).toEqual(['/v1/messages', '/v1/dialogs/5501', '/v1/clients/1201']);
  });
});
