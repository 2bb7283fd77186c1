import { describe, expect, it } from 'vitest';
import { consoleKeys } from './consoleKeys.js';

describe('consoleKeys', () => {
  it('nests every key under the console root so one call invalidates all', () => {
    const keys = [
      consoleKeys.clientList({ q: 'ann' }),
      consoleKeys.client(1),
      consoleKeys.clientChannels(1),
      consoleKeys.messages(1),
      consoleKeys.transfers({ dialogId: 2 }),
      consoleKeys.dialog(2),
      consoleKeys.operators(),
    ];
    for (const key of keys) expect(key.slice(0, 1)).toEqual(consoleKeys.all);
  });

  it('nests client lists and details under clients()', () => {
    expect(consoleKeys.clientList({ phone: '7701' }).slice(0, 2)).toEqual(consoleKeys.clients());
    expect(consoleKeys.clientList({ phone: '7701' }).slice(0, 3)).toEqual(consoleKeys.clientLists());
    expect(consoleKeys.client(5).slice(0, 3)).not.toEqual(consoleKeys.clientLists());
    expect(consoleKeys.client(5).slice(0, 2)).toEqual(consoleKeys.clients());
  });

  it('nests every transfer history under transferLists()', () => {
    expect(consoleKeys.transfers({ dialogId: 2, limit: 20 }).slice(0, 2)).toEqual(consoleKeys.transferLists());
    expect(consoleKeys.transfers().slice(0, 2)).toEqual(consoleKeys.transferLists());
  });

  it('tells different parameters apart', () => {
    expect(consoleKeys.clientList({ q: 'a' })).not.toEqual(consoleKeys.clientList({ q: 'b' }));
    expect(consoleKeys.messages(1)).not.toEqual(consoleKeys.messages(2));
  });
});
