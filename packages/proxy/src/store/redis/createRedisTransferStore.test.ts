import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import { createRedisTransferStore } from './createRedisTransferStore.js';

const redis = setupTestRedis();
const PAGE = { limit: 10, offset: 0 };
const transfer = { dialogId: 63, clientId: 11, toOperatorId: 2, created: '2026-11-02T10:00:00Z' };

async function instances(count: number) {
  const namespace = redis.namespace();
  return Promise.all(Array.from({ length: count }, async () => createRedisTransferStore({ connection: await redis.connect(), namespace })));
}

describe('createRedisTransferStore across instances', () => {
  it('records a webhook retried on two instances at once once, and every instance lists it', async () => {
    const [a, b, c] = await instances(3);
    if (!a || !b || !c) throw new Error('three stores expected');
    const [one, two] = await Promise.all([a.record(transfer), b.record(transfer)]);
    expect(one?.transfer).toEqual(two?.transfer);
    expect([one?.duplicate, two?.duplicate].toSorted()).toEqual([false, true]);
    expect(await c.list({ dialogId: 63 }, PAGE)).toEqual({ transfers: [one?.transfer], total: 1 });
    expect(await c.dialogOperator(63)).toBe(2);
  });

  it('takes the operator a transfer came from from what another instance learnt', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two stores expected');
    await a.setDialogOperator(63, 5, '2026-11-02T09:00:00Z');
    expect((await b.record(transfer)).transfer.fromOperatorId).toBe(5);
  });

  it('refuses with 503 while Redis is down, and records again once it is back', async () => {
    const [store] = await instances(1);
    if (!store) throw new Error('a store expected');
    await redis.server.kill();
    try {
      await expect(store.record(transfer)).rejects.toMatchObject({ status: 503, code: 'unavailable' });
      await expect(store.list({}, PAGE)).rejects.toMatchObject({ status: 503 });
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => store.record(transfer).then((result) => result.duplicate, () => 'down'), { timeout: 5000 }).toBe(false);
  });
});
