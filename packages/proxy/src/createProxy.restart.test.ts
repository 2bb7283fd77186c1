import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { collectEvents, postWebhook } from './test/liveEvents.js';
import { setupLiveProxy } from './test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

let dataDir: string;
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'c2d-restart-')), '.c2d-proxy-data');
});
afterEach(async () => {
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

describe('the proxy across a restart (store.dataDir)', () => {
  it('keeps the event log, the transfers and the client index, and goes on with growing ids', async () => {
    const first = await start({ store: { dataDir }, clientIndex: { pauseMs: 0 } });
    await expect.poll(async () => ((await call('/clients?q=x')).body.meta.search as { complete?: boolean } | undefined)?.complete).toBe(true);
    const stream = collectEvents(first.url);
    await stream.opened;
    await postWebhook(first, c2d.hookInbox);
    await postWebhook(first, { ...c2d.hookDialogTransferred, operator_id: 101 });
    await stream.until((events) => events.some((e) => e.type === 'transfer'));
    await postWebhook(first, c2d.hookNewClient);
    await stream.until((events) => events.length === 4);
    const seen = stream.events.map((e) => [e.id, e.type]);
    expect(seen).toEqual([
      ['1', 'message'],
      ['2', 'dialog'],
      ['3', 'transfer'],
      ['4', 'client'],
    ]);
    stream.close();
    await first.close();
    upstream.calls.length = 0;

    const second = await start({ store: { dataDir }, clientIndex: { pauseMs: 0 } });
    // Resumes where the browser left off, from the file.
    const resumed = collectEvents(second.url, { lastEventId: '1' });
    await resumed.until((events) => events.length === 3);
    expect(resumed.events.map((e) => [e.id, e.type])).toEqual(seen.slice(1));
    expect((await call('/transfers?dialogId=5501')).body.data).toEqual([
      expect.objectContaining({ dialogId: 5501, clientId: 1201, toOperatorId: 101, toOperatorName: 'Иван Петров', created: '2025-09-09T13:30:00.000Z' }),
    ]);
    // The index answers at once (complete, and fresh: no pass through Chat2Desk again), webhooks' clients included.
    const search = await call('/clients?q=%D0%B5%D1%80%D0%BB%D0%B0%D0%BD'); // "ерлан"
    expect(search.body.data.map((c) => c.id)).toEqual([1299]);
    expect(search.body.meta.search).toMatchObject({ complete: true });
    expect(upstream.callsTo('/v1/clients')).toEqual([]);

    // A retry of a delivery from before the restart is still a retry; a new one gets the next id.
    expect((await postWebhook(second, c2d.hookInbox)).body.data).toEqual({ id: '1', duplicate: true });
    await postWebhook(second, c2d.hookOutbox);
    await resumed.until((events) => events.length === 4);
    expect(resumed.events[3]).toMatchObject({ id: '5', type: 'message' });
    resumed.close();
  });
});
