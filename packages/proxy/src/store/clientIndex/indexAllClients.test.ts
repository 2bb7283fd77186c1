import { describe, expect, it, vi } from 'vitest';
import type { ClientIndexEntry, ClientIndexStatus } from './ClientIndex.js';
import { createMemoryClientIndex } from './createMemoryClientIndex.js';
import { type ClientPageAnswer, abortableSleep, indexAllClients } from './indexAllClients.js';

const clients = (count: number): ClientIndexEntry[] =>
  Array.from({ length: count }, (_, n) => ({ id: n + 1, name: `Клиент ${n + 1}`, phone: null, assignedName: null, lastMessageAt: null }));

/** A fake `/v1/clients` that pages through `all`, reporting `total` like Chat2Desk's `meta`. */
function fakeChat2Desk(all: ClientIndexEntry[], reportTotal = true) {
  const requests: Array<{ offset: number; limit: number }> = [];
  const fetchPage = vi.fn(async ({ offset, limit }: { offset: number; limit: number }): Promise<ClientPageAnswer> => {
    requests.push({ offset, limit });
    return { entries: all.slice(offset, offset + limit), total: reportTotal ? all.length : null };
  });
  return { fetchPage, requests };
}

const NOW = Date.parse('2026-11-02T10:00:00Z');
const noPause = async () => {};

describe('indexAllClients', () => {
  it('pages through every client, pausing between pages, and records its progress', async () => {
    const index = createMemoryClientIndex();
    const chat2desk = fakeChat2Desk(clients(450));
    const seen: ClientIndexStatus[] = [];
    const setStatus = index.setStatus.bind(index);
    index.setStatus = async (status) => {
      seen.push(status);
      await setStatus(status);
    };
    const sleep = vi.fn(noPause);

    const final = await indexAllClients({ fetchPage: chat2desk.fetchPage, index, sleep, now: () => NOW });

    expect(chat2desk.requests).toEqual([
      { offset: 0, limit: 200 },
      { offset: 200, limit: 200 },
      { offset: 400, limit: 200 },
    ]);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(1000, expect.any(AbortSignal));
    expect(seen.map((status) => [status.indexed, status.total, status.complete])).toEqual([
      [0, null, false],
      [200, 450, false],
      [400, 450, false],
      [450, 450, true],
    ]);
    expect(final).toEqual({ indexed: 450, total: 450, complete: true, updatedAt: '2026-11-02T10:00:00.000Z' });
    expect(await index.status()).toEqual(final);
    expect((await index.search('клиент', { limit: 1, offset: 0 })).total).toBe(450);
  });

  it('stops at a short page when Chat2Desk does not say how many there are', async () => {
    const index = createMemoryClientIndex();
    const chat2desk = fakeChat2Desk(clients(30), false);
    const final = await indexAllClients({ fetchPage: chat2desk.fetchPage, index, pageSize: 10, sleep: noPause });
    expect(chat2desk.requests.map((request) => request.offset)).toEqual([0, 10, 20, 30]);
    expect(final).toMatchObject({ indexed: 30, total: 30, complete: true });
  });

  it('stops when asked, keeping what it read and saying it is incomplete', async () => {
    const index = createMemoryClientIndex();
    const chat2desk = fakeChat2Desk(clients(1000));
    const controller = new AbortController();
    const sleep = vi.fn(async () => {
      if (chat2desk.requests.length === 2) controller.abort(new Error('proxy shutting down'));
      controller.signal.throwIfAborted();
    });
    await expect(indexAllClients({ fetchPage: chat2desk.fetchPage, index, sleep, signal: controller.signal })).rejects.toThrow('proxy shutting down');
    expect(chat2desk.requests).toHaveLength(2);
    expect(await index.status()).toMatchObject({ indexed: 400, total: 1000, complete: false });
    expect((await index.search('', { limit: 1, offset: 0 })).total).toBe(400);
  });

  it('keeps an earlier pass\'s completeness while a later one refreshes', async () => {
    const index = createMemoryClientIndex();
    await index.setStatus({ indexed: 450, total: 450, complete: true, updatedAt: '2026-11-01T00:00:00.000Z' });
    const failing = vi.fn(async () => {
      throw new Error('Chat2Desk answered 500');
    });
    await expect(indexAllClients({ fetchPage: failing, index, sleep: noPause })).rejects.toThrow('Chat2Desk answered 500');
    expect(await index.status()).toMatchObject({ indexed: 0, total: 450, complete: true });
  });

  it('refuses a page size Chat2Desk would not give', async () => {
    const index = createMemoryClientIndex();
    await expect(indexAllClients({ fetchPage: fakeChat2Desk([]).fetchPage, index, pageSize: 500 })).rejects.toThrow(/pageSize must be an integer from 1 to 200/);
  });
});

describe('abortableSleep', () => {
  it('waits, or rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    await expect(abortableSleep(1, controller.signal)).resolves.toBeUndefined();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(abortableSleep(1, controller.signal)).rejects.toThrow('stop');
  });
});
