import { describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { bucketViolations, mostInWindow } from './test/bucketViolations.js';
import { collectEvents, postWebhook } from './test/liveEvents.js';
import { createRedisStores } from './store/redis/createRedisStores.js';
import { setupProxyCluster } from './test/setupProxyCluster.js';
import { TEST_TOKEN } from './test/setupLiveProxy.js';
import { postJson, type TestProxy } from './test/startProxy.js';

// Three proxy instances in one process, each with its own connections to one real
// `redis-server`, as three machines behind a load balancer would be.
const { start, upstream, redis } = setupProxyCluster();

/** The n-th inbox delivery of client 1201 (message ids 900 300 + n). */
const inbox = (n: number) => ({ ...c2d.hookInbox, message_id: 900_300 + n, text: `message ${n}` });

/** A send with an idempotency key, as the console makes it. */
const send = (key: string) => postJson({ clientId: 1201, text: 'Добрый день', idempotencyKey: key });

const nth = (instances: TestProxy[], n: number) => instances[n % instances.length] as TestProxy;

/** How much later than its release a call may reach the fake Chat2Desk on a loaded 2-core machine. */
const ARRIVAL_JITTER_MS = 150;

// Generous: three instances, Redis and the fake Chat2Desk share a loaded 2-core machine.
describe('createProxy with redis: several instances sharing one Redis', { timeout: 60_000 }, () => {
  it('holds one rate budget across three instances under 10× overload, counted where Chat2Desk receives the calls', async () => {
    const rate = 5;
    const released: number[] = [];
    const instances = await start(3, { rateLimit: { requestsPerSecond: rate }, onUpstreamCall: () => released.push(performance.now()) });
    // Each instance opens its connection to Chat2Desk first: a first call's TCP handshake is
    // not what this measures, and would make its arrival look later than its release.
    await Promise.all(instances.map((instance, n) => instance.call(`/clients?offset=${1000 + n}`)));
    upstream.reset();
    released.length = 0;

    // 10× the budget for 2 s: a wave of `rate` different reads every 100 ms, spread over the three.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, wave) =>
        new Promise((resolve) => setTimeout(resolve, wave * 100)).then(() =>
          Promise.all(Array.from({ length: rate }, (_item, i) => nth(instances, wave + i).request(`/clients?offset=${wave * rate + i}`).then((response) => response.status))),
        ),
      ),
    ).then((waves) => waves.flat());

    // Each read is answered, or refused with 429 once its wait for a slot would pass 2 s.
    expect(answers.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    const served = answers.filter((status) => status === 200).length;
    const arrivals = upstream.calls.map((call) => call.at);
    expect(arrivals).toHaveLength(served);
    // About 2 s of overload plus 2 s of queue at 5/s: some 20 served; far fewer on a loaded
    // machine, where calls that wake past the guard give their slots up; never more.
    expect(served).toBeGreaterThanOrEqual(3);
    expect(served).toBeLessThanOrEqual(21);
    // When the three let calls go: never more than the budget in any second, nor closer than the bucket allows.
    expect(mostInWindow(released.slice(-served), 1000)).toBeLessThanOrEqual(rate);
    expect(bucketViolations(released.slice(-served), { requestsPerSecond: rate, burst: 1, jitterMs: 20 })).toEqual([]);
    // When Chat2Desk received them: the same, allowing for how late a loaded machine delivers
    // one call and not the next (socket and event-loop jitter, up to ARRIVAL_JITTER_MS).
    expect(mostInWindow(arrivals, 1000 - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(rate);
  });

  it('answers identical reads on three instances with one upstream call', async () => {
    const instances = await start(3);
    upstream.on('GET', '/v1/clients/1201', { body: { status: 'success', data: c2d.clientOne }, latencyMs: 300 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => nth(instances, n).call('/clients/1201')));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 30 }, () => 200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(upstream.callsTo('/v1/clients/1201')).toHaveLength(1);
    // And later ones within the TTL come from the shared cache, on any instance.
    await Promise.all(instances.map((instance) => instance.call('/clients/1201')));
    expect(upstream.callsTo('/v1/clients/1201')).toHaveLength(1);
  });

  it('keeps out of the shared cache what an instance read from Chat2Desk before another instance took the webhook that changed it', async () => {
    const [a, b, c] = (await start(3)) as [TestProxy, TestProxy, TestProxy];
    const before = c2d.messagesList.data.slice(1);
    // The first read is slow and answers the history as it was before the new message.
    upstream.on('GET', '/v1/messages', (call, n) => (n === 0 ? { body: { status: 'success', data: before, meta: { total: before.length } }, latencyMs: 1500 } : undefined));
    const early = b.call('/clients/1201/messages');
    await expect.poll(() => upstream.callsTo('/v1/messages')).toHaveLength(1);
    // Meanwhile the new message's webhook lands on A, which drops the shared cache.
    expect((await postWebhook(a, c2d.hookInbox)).status).toBe(200);
    expect((await early).body.data).toHaveLength(before.length);
    // The console refetching on the event, on any instance, gets the history with the message.
    const fresh = await c.call('/clients/1201/messages');
    expect(fresh.body.data.length).toBeGreaterThan(before.length);
    expect(upstream.callsTo('/v1/messages')).toHaveLength(2);
  });

  it('sends once for one idempotency key retried on three instances at once, and answers each the same', async () => {
    const instances = await start(3);
    upstream.on('POST', '/v1/messages', { body: c2d.sendResult, latencyMs: 300 });
    const answers = await Promise.all(instances.map((instance) => instance.call('/messages', send('send-once-1'))));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
    // A retry later, on any instance, is answered from what was kept.
    expect((await nth(instances, 1).call('/messages', send('send-once-1'))).status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });

  it('streams a webhook posted to one instance to consoles on another, and resumes on a third with an id seen there', async () => {
    const [a, b, c] = (await start(3)) as [TestProxy, TestProxy, TestProxy];
    const onC = collectEvents(c.url);
    await onC.opened;
    expect((await postWebhook(a, inbox(1))).status).toBe(200);
    expect((await postWebhook(b, inbox(2))).status).toBe(200);
    // Chat2Desk's retry of the first, landing on yet another instance, is stored once.
    expect((await postWebhook(c, inbox(1))).status).toBe(200);
    const seen = await onC.until((events) => events.length >= 2);
    expect(seen.map((event) => [event.type, event.type === 'message' && event.data.messageId])).toEqual([
      ['message', 900_301],
      ['message', 900_302],
    ]);
    onC.close();

    // A console that saw the first event on C reconnects to B: it gets what came after.
    const onB = collectEvents(b.url, { lastEventId: seen[0]?.id });
    const resumed = await onB.until((events) => events.length >= 1);
    expect(resumed.map((event) => event.id)).toEqual([seen[1]?.id]);
    expect((await postWebhook(a, inbox(3))).status).toBe(200);
    expect((await onB.until((events) => events.length >= 2)).map((event) => event.type === 'message' && event.data.messageId)).toEqual([900_302, 900_303]);
    onB.close();
  });

  it('records a transfer from what two instances saw, and lists it on a third', async () => {
    const [a, b, c] = (await start(3)) as [TestProxy, TestProxy, TestProxy];
    // A console on B read the dialog while operator 102 had it: that is who it is transferred from.
    upstream.on('GET', '/v1/dialogs/5501', (_call, n) => (n === 0 ? { body: { status: 'success', data: { ...c2d.dialogOpen, operator_id: 102 } } } : undefined));
    expect((await b.call('/dialogs/5501')).body.data).toMatchObject({ operatorId: 102 });
    // The delivery lands on A, which reads the dialog (now 101's) to learn the new operator.
    expect((await postWebhook(a, c2d.hookDialogTransferred)).status).toBe(200);
    await expect.poll(async () => (await c.call('/transfers?dialogId=5501')).body.data, { timeout: 10_000 }).toEqual([
      expect.objectContaining({ dialogId: 5501, clientId: 1201, fromOperatorId: 102, toOperatorId: 101 }),
    ]);
  });

  it('uses Redis stores the host opened itself, shared with instances given the URL, and leaves them open when it closes', async () => {
    const keyPrefix = redis.namespace();
    const stores = await createRedisStores({ url: redis.url, token: TEST_TOKEN, keyPrefix });
    redis.cleanup(() => stores.close());
    const [[own], [other]] = (await Promise.all([start(1, { redis: stores }), start(1, { redis: { url: redis.url, keyPrefix } })])) as [[TestProxy], [TestProxy]];
    const onOther = collectEvents(other.url);
    await onOther.opened;
    expect((await postWebhook(own, inbox(20))).status).toBe(200);
    const [event] = await onOther.until((events) => events.length === 1);
    onOther.close();
    await own.close();
    expect(stores.health().status).toBe('up');
    expect(await stores.eventLog.lastId()).toBe(event?.id);
  });

  it('rides out Redis going down (health 503, webhooks refused, reads served, no send risked) and recovers on its own', async () => {
    const [a, b, c] = (await start(3)) as [TestProxy, TestProxy, TestProxy];
    const onC = collectEvents(c.url);
    await onC.opened;
    // A delivery puts its client in the shared index; a console on C searches for them.
    expect((await postWebhook(a, c2d.hookInbox)).status).toBe(200);
    await onC.until((events) => events.length === 1);
    const search = () => c.call(`/clients?q=${encodeURIComponent('Айгерим')}`);
    // C's copy of the index follows the change A made in Redis.
    await expect.poll(async () => (await search()).body.data.map((client) => client.id), { timeout: 10_000 }).toEqual([1201]);
    const found = await search();
    await redis.server.kill();
    try {
      await expect.poll(async () => (await a.call('/health')).status, { timeout: 10_000 }).toBe(503);
      const health = await a.call('/health');
      expect(health.body).toMatchObject({ status: 'degraded', redis: { status: 'down', reason: expect.any(String) } });

      // Not stored, so not acknowledged: Chat2Desk retries it later.
      const refused = await postWebhook(b, inbox(10));
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('unavailable');

      // Reads are served, uncached, within each instance's share of the budget.
      const reads = await Promise.all([a, b, c].map((instance) => instance.call('/clients/1201')));
      expect(reads.map((read) => read.status)).toEqual([200, 200, 200]);
      expect(upstream.callsTo('/v1/clients/1201')).toHaveLength(3);

      // A guarded send is refused before anything is sent, rather than risk sending twice.
      const sent = await b.call('/messages', send('during-outage'));
      expect(sent.status).toBe(503);
      expect(sent.body.error.message).toMatch(/Redis is unreachable .*nothing was done: retry in a moment/);
      expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(0);

      // Transfers live only in Redis; client search goes on from each instance's copy.
      expect((await c.call('/transfers')).status).toBe(503);
      expect(await search()).toMatchObject({ status: 200, body: found.body });
    } finally {
      await redis.server.restart();
    }

    for (const instance of [a, b, c]) {
      // oxlint-disable-next-line no-await-in-loop -- each instance reconnects on its own
      await expect.poll(async () => (await instance.call('/health')).status, { timeout: 15_000 }).toBe(200);
    }
    // Chat2Desk's retry is now stored, and reaches the console that stayed connected to C.
    await expect.poll(async () => (await postWebhook(b, inbox(10))).status, { timeout: 10_000 }).toBe(200);
    const events = await onC.until((seen) => seen.some((event) => event.type === 'message' && event.data.messageId === 900_310), 15_000);
    expect(events.filter((event) => event.type === 'message')).toHaveLength(2);
    onC.close();
    // The browser's retry of the refused send goes out once, on whichever instance.
    const retries = await Promise.all([a, c].map((instance) => instance.call('/messages', send('during-outage'))));
    expect(retries.map((retry) => retry.status)).toEqual([201, 201]);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(1);
  });
});
