import { describe, expect, it } from 'vitest';
import { activeClientsFirst } from './activeClientsFirst.js';
import type { ClientActivity } from './clientActivity.js';
import { makeClient, makeClients } from './test/fixtures.js';

const activity = (entries: Array<[number, Partial<ClientActivity> & { order: number }]>) =>
  new Map(entries.map(([id, entry]) => [id, { unread: 0, lastMessageAt: '2026-11-01T12:00:00Z', ...entry }]));
const ids = (clients: { id: number }[]) => clients.map((client) => client.id);

describe('activeClientsFirst', () => {
  it('keeps the proxy order while nothing happened', () => {
    const clients = makeClients(5);
    expect(activeClientsFirst(clients, new Map())).toBe(clients);
  });

  it('puts clients with new messages on top, the most recent first, each once', () => {
    const clients = makeClients(5);
    const ordered = activeClientsFirst(clients, activity([[1003, { order: 1 }], [1001, { order: 2 }]]));
    expect(ids(ordered)).toEqual([1001, 1003, 1000, 1002, 1004]);
  });

  it('puts an active client no loaded page holds on top too, once it is fetched', () => {
    const clients = makeClients(3);
    const far = makeClient(80);
    expect(ids(activeClientsFirst(clients, activity([[1080, { order: 5 }], [1002, { order: 4 }]]), [far]))).toEqual([1080, 1002, 1000, 1001]);
  });

  it('shows a fetched client once when a page later holds it too', () => {
    const clients = makeClients(3);
    const ordered = activeClientsFirst(clients, activity([[1001, { order: 1 }]]), [makeClient(1, { name: 'Fetched alone' })]);
    expect(ids(ordered)).toEqual([1001, 1000, 1002]);
    expect(ordered[0]).toBe(clients[1]);
  });

  it('leaves a list without any active client as it is (a search that matches none of them)', () => {
    const clients = makeClients(3);
    expect(activeClientsFirst(clients, activity([[1090, { order: 1 }]]))).toBe(clients);
  });
});
