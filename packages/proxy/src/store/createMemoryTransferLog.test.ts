import type { Transfer } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { createMemoryTransferLog } from './createMemoryTransferLog.js';

const transfer = (id: number, fields: Partial<Transfer>): Transfer => ({
  id,
  dialogId: 1,
  clientId: 10,
  fromOperatorId: null,
  toOperatorId: 7,
  fromOperatorName: null,
  toOperatorName: null,
  created: `2025-09-09T13:0${id}:00.000Z`,
  reason: null,
  ...fields,
});

describe('createMemoryTransferLog', () => {
  it('is empty until something is recorded', async () => {
    expect(await createMemoryTransferLog().list({}, { limit: 20, offset: 0 })).toEqual({ data: [], total: 0 });
  });

  it('lists what was recorded newest first, filtered, one page at a time', async () => {
    const log = createMemoryTransferLog();
    log.record(transfer(1, { fromOperatorId: 8 }));
    log.record(transfer(3, { dialogId: 2, clientId: 11 }));
    log.record(transfer(2, { toOperatorId: 8 }));
    expect((await log.list({}, { limit: 20, offset: 0 })).data.map((t) => t.id)).toEqual([3, 2, 1]);
    expect(await log.list({ operatorId: 8 }, { limit: 1, offset: 1 })).toMatchObject({ data: [{ id: 1 }], total: 2 });
    expect((await log.list({ dialogId: 2, clientId: 11 }, { limit: 20, offset: 0 })).data.map((t) => t.id)).toEqual([3]);
  });
});
