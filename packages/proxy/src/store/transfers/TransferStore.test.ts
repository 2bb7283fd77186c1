/* oxlint-disable no-await-in-loop -- records are made in order on purpose: their ids must grow in that order */
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.js';
import { createMemoryTransferStore } from './createMemoryTransferStore.js';
import { createSqliteTransferStore } from './createSqliteTransferStore.js';
import type { TransferInput, TransferStore, TransferStoreOptions } from './TransferStore.js';
import { createRedisTransferStore } from '../redis/createRedisTransferStore.js';
import { setupTestRedis } from '../../test/setupTestRedis.js';

type OpenStore = (options?: TransferStoreOptions) => Promise<TransferStore>;

const redis = setupTestRedis();

const implementations: Array<[string, (cleanups: Array<() => unknown>) => OpenStore]> = [
  ['memory', () => async (options) => createMemoryTransferStore(options)],
  [
    'SQLite',
    (cleanups) => async (options) => {
      const db = await openSqliteDatabase(':memory:');
      cleanups.push(() => db.close());
      return createSqliteTransferStore(db, options);
    },
  ],
  ['Redis', () => async (options) => createRedisTransferStore({ ...options, connection: await redis.connect(), namespace: redis.namespace() })],
];

const transfer = (overrides: Partial<TransferInput> = {}): TransferInput => ({
  dialogId: 10,
  clientId: 100,
  fromOperatorId: 1,
  toOperatorId: 2,
  created: '2026-11-02T10:00:00Z',
  ...overrides,
});

describe.each(implementations)('TransferStore contract: %s', (_name, makeOpen) => {
  const cleanups: Array<() => unknown> = [];
  const open = makeOpen(cleanups);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('records a transfer with an id and the time in one spelling', async () => {
    const store = await open();
    const { transfer: recorded, duplicate } = await store.record(transfer({ reason: 'needs billing' }));
    expect(duplicate).toBe(false);
    expect(recorded).toEqual({
      id: expect.any(Number),
      dialogId: 10,
      clientId: 100,
      fromOperatorId: 1,
      toOperatorId: 2,
      created: '2026-11-02T10:00:00.000Z',
      reason: 'needs billing',
    });
    expect(await store.list({}, { limit: 10, offset: 0 })).toEqual({ transfers: [recorded], total: 1 });
  });

  it('records a webhook retry once, however its time is spelled', async () => {
    const store = await open();
    const first = await store.record(transfer());
    const retry = await store.record(transfer({ created: '2026-11-02T13:00:00+03:00', fromOperatorId: 7 }));
    expect(retry).toEqual({ transfer: first.transfer, duplicate: true });
    expect((await store.list({}, { limit: 10, offset: 0 })).total).toBe(1);
    // Another transfer of the same dialog at another time is a new record.
    expect((await store.record(transfer({ created: '2026-11-02T10:00:01Z' }))).duplicate).toBe(false);
  });

  it('lists newest first with a total, filtered by dialog, client or operator on either side', async () => {
    const store = await open();
    const a = (await store.record(transfer({ dialogId: 1, clientId: 100, fromOperatorId: null, toOperatorId: 5, created: '2026-11-01T09:00:00Z' }))).transfer;
    const b = (await store.record(transfer({ dialogId: 1, clientId: 100, fromOperatorId: 5, toOperatorId: 6, created: '2026-11-01T11:00:00Z' }))).transfer;
    const c = (await store.record(transfer({ dialogId: 2, clientId: 200, fromOperatorId: 6, toOperatorId: 7, created: '2026-11-01T10:00:00Z' }))).transfer;
    const page = { limit: 10, offset: 0 };
    expect(await store.list({}, page)).toEqual({ transfers: [b, c, a], total: 3 });
    expect((await store.list({ dialogId: 1 }, page)).transfers).toEqual([b, a]);
    expect((await store.list({ clientId: 200 }, page)).transfers).toEqual([c]);
    expect((await store.list({ operatorId: 6 }, page)).transfers).toEqual([b, c]);
    expect((await store.list({ operatorId: 5, dialogId: 1 }, page)).transfers).toEqual([b, a]);
    expect(await store.list({ operatorId: 5, clientId: 200 }, page)).toEqual({ transfers: [], total: 0 });
    expect(await store.list({}, { limit: 1, offset: 1 })).toEqual({ transfers: [c], total: 3 });
  });

  it('orders transfers made at the same time by the order they were recorded, newest first', async () => {
    const store = await open();
    const first = (await store.record(transfer({ toOperatorId: 2 }))).transfer;
    const second = (await store.record(transfer({ toOperatorId: 3 }))).transfer;
    expect((await store.list({}, { limit: 10, offset: 0 })).transfers).toEqual([second, first]);
  });

  it('takes the operator a transfer came from from what it last knew of the dialog', async () => {
    const store = await open();
    expect(await store.dialogOperator(10)).toBeNull();
    const { fromOperatorId: _from, ...withoutFrom } = transfer();
    const first = (await store.record({ ...withoutFrom, toOperatorId: 2, created: '2026-11-02T10:00:00Z' })).transfer;
    expect(first.fromOperatorId).toBeNull();
    expect(await store.dialogOperator(10)).toBe(2);
    const second = (await store.record({ ...withoutFrom, toOperatorId: 3, created: '2026-11-02T11:00:00Z' })).transfer;
    expect(second.fromOperatorId).toBe(2);

    await store.setDialogOperator(10, 4, '2026-11-02T12:00:00Z');
    const third = (await store.record({ ...withoutFrom, toOperatorId: 5, created: '2026-11-02T13:00:00Z' })).transfer;
    expect(third.fromOperatorId).toBe(4);
  });

  it('does not claim a transfer from the new operator to themselves when a dialog read saw it first', async () => {
    const store = await open();
    await store.setDialogOperator(10, 2, '2026-11-02T10:00:05Z');
    const { fromOperatorId: _from, ...withoutFrom } = transfer();
    expect((await store.record({ ...withoutFrom, toOperatorId: 2 })).transfer.fromOperatorId).toBeNull();
  });

  it('keeps the newest known operator when older facts arrive late', async () => {
    let time = Date.parse('2026-11-02T12:00:00Z');
    const store = await open({ now: () => time });
    await store.setDialogOperator(10, 4); // a dialog read at 12:00
    await store.record(transfer({ toOperatorId: 2, created: '2026-11-02T10:00:00Z' })); // a retry of a 10:00 transfer
    expect(await store.dialogOperator(10)).toBe(4);
    await store.setDialogOperator(10, 3, '2026-11-02T11:00:00Z');
    expect(await store.dialogOperator(10)).toBe(4);
    time += 1000;
    await store.setDialogOperator(10, null);
    expect(await store.dialogOperator(10)).toBeNull();
  });

  it('refuses bad input, naming the field', async () => {
    const store = await open();
    await expect(store.record(transfer({ dialogId: 0 }))).rejects.toThrow(/dialogId/);
    await expect(store.record(transfer({ toOperatorId: 1.5 }))).rejects.toThrow(/toOperatorId/);
    await expect(store.record(transfer({ created: 'yesterday' }))).rejects.toThrow(/created must be an ISO 8601 time/);
    await expect(store.setDialogOperator(10, 2, 'soon')).rejects.toThrow(/asOf/);
    await expect(store.list({}, { limit: 0, offset: 0 })).rejects.toThrow(/limit/);
    expect((await store.list({}, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('refuses to be used after close', async () => {
    const store = await open();
    await store.close();
    await expect(store.record(transfer())).rejects.toThrow(/closed/);
  });
});
