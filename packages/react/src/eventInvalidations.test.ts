import { consoleKeys, type ConsoleEvent } from '@c2d-console/core';
import { QueryClient, hashKey, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { eventInvalidations } from './eventInvalidations.js';
import { makeTransfers } from './test/fixtures.js';

/** What a console page may have cached: two clients, their lists, histories, dialogs, transfers. */
const CACHED = {
  list: consoleKeys.clientList({ limit: 50 }),
  search: consoleKeys.clientList({ q: 'ann', limit: 50 }),
  client: consoleKeys.client(1001),
  otherClient: consoleKeys.client(1002),
  messages: consoleKeys.messages(1001),
  hostKeyUnderMessages: [...consoleKeys.messages(1001), 'current-dialog'],
  otherMessages: consoleKeys.messages(1002),
  dialog: consoleKeys.dialog(51001),
  otherDialog: consoleKeys.dialog(51002),
  clientDialog: consoleKeys.clientDialog(1001),
  otherClientDialog: consoleKeys.clientDialog(1002),
  inbox: consoleKeys.dialogList({ state: 'open', limit: 20 }),
  dialogTransfers: consoleKeys.transfers({ dialogId: 51001, limit: 20 }),
  clientTransfers: consoleKeys.transfers({ clientId: 1001, limit: 20 }),
  otherTransfers: consoleKeys.transfers({ clientId: 1002, limit: 20 }),
  operators: consoleKeys.operators(),
} satisfies Record<string, QueryKey>;

type Effect = 'now' | 'later';

/** How `event` touches each cached key, matched by TanStack's own rules: refetched now, marked stale for later, or untouched (left out). */
function effectsOf(event: ConsoleEvent): Partial<Record<keyof typeof CACHED, Effect>> {
  const queryClient = new QueryClient();
  const names = new Map<string, keyof typeof CACHED>();
  for (const [name, key] of Object.entries(CACHED) as Array<[keyof typeof CACHED, QueryKey]>) {
    queryClient.setQueryData(key, 1);
    names.set(hashKey(key), name);
  }
  const effects: Partial<Record<keyof typeof CACHED, Effect>> = {};
  for (const filters of eventInvalidations(event)) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: filters.queryKey })) {
      const name = names.get(query.queryHash);
      if (name && effects[name] !== 'now') effects[name] = filters.refetchType === 'active' ? 'now' : 'later';
    }
  }
  return effects;
}

const time = '2026-11-01T12:00:00Z';

describe('eventInvalidations', () => {
  it("a message refetches the client's history and dialogs; the client and the lists only go stale", () => {
    const event: ConsoleEvent = {
      id: '1',
      type: 'message',
      time,
      data: { kind: 'inbox', clientId: 1001, dialogId: 51001, messageId: 9, messageType: 'from_client', text: 'Hi' },
    };
    expect(effectsOf(event)).toEqual({
      messages: 'now',
      hostKeyUnderMessages: 'now',
      dialog: 'now',
      clientDialog: 'now',
      client: 'later',
      list: 'later',
      search: 'later',
      inbox: 'later',
    });
  });

  it('a message outside any dialog touches no dialog', () => {
    const event: ConsoleEvent = {
      id: '1',
      type: 'message',
      time,
      data: { kind: 'comment', clientId: 1001, dialogId: null, messageId: 9, messageType: 'comment', text: 'Note' },
    };
    expect(effectsOf(event)).not.toHaveProperty('dialog');
  });

  it("a dialog change refetches the dialog, the inbox, its transfers, and the client's dialog, transfers and history", () => {
    const event: ConsoleEvent = { id: '2', type: 'dialog', time, data: { change: 'transferred', dialogId: 51001, clientId: 1001, operatorId: 3 } };
    expect(effectsOf(event)).toEqual({
      dialog: 'now',
      inbox: 'now',
      dialogTransfers: 'now',
      clientDialog: 'now',
      clientTransfers: 'now',
      messages: 'now',
      hostKeyUnderMessages: 'now',
    });
  });

  it('a dialog change without a known client touches only the dialog, the inbox and its transfers', () => {
    const event: ConsoleEvent = { id: '2', type: 'dialog', time, data: { change: 'closed', dialogId: 51001, clientId: null, operatorId: null } };
    expect(effectsOf(event)).toEqual({ dialog: 'now', inbox: 'now', dialogTransfers: 'now' });
  });

  it('a client change refetches the client and every clients list', () => {
    const event: ConsoleEvent = { id: '3', type: 'client', time, data: { change: 'updated', clientId: 1001 } };
    expect(effectsOf(event)).toEqual({ client: 'now', list: 'now', search: 'now' });
  });

  it("a transfer refetches every transfer history, the dialog, the client's dialog and the inbox", () => {
    const transfer = makeTransfers(1001, 1)[0];
    if (!transfer) throw new Error('no fixture transfer');
    expect(effectsOf({ id: '4', type: 'transfer', time, data: transfer })).toEqual({
      dialogTransfers: 'now',
      clientTransfers: 'now',
      otherTransfers: 'now',
      dialog: 'now',
      clientDialog: 'now',
      inbox: 'now',
    });
  });

  it('a resync refetches everything the console cached', () => {
    const effects = effectsOf({ id: '5', type: 'resync', time, data: {} });
    expect(Object.keys(effects).toSorted()).toEqual(Object.keys(CACHED).toSorted());
    expect(new Set(Object.values(effects))).toEqual(new Set(['now']));
  });
});
