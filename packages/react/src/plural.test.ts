import { describe, expect, it } from 'vitest';
import { clientListStrings } from './clientListStrings.js';
import { ru } from './locales/ru.js';
import { plural } from './plural.js';

const clients = { one: 'клиент', few: 'клиента', many: 'клиентов', other: 'клиента' };

describe('plural', () => {
  it('picks the Russian form by the last digits, teens apart', () => {
    const forms = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 100, 101, 111, 1234, 0].map((n) => `${n} ${plural('ru', n, clients)}`);
    expect(forms).toEqual([
      '1 клиент',
      '2 клиента',
      '4 клиента',
      '5 клиентов',
      '11 клиентов',
      '12 клиентов',
      '14 клиентов',
      '21 клиент',
      '22 клиента',
      '25 клиентов',
      '100 клиентов',
      '101 клиент',
      '111 клиентов',
      '1234 клиента',
      '0 клиентов',
    ]);
  });

  it('uses the "other" form for fractions in Russian', () => {
    expect(plural('ru', 1.5, clients)).toBe('клиента');
  });

  it('picks singular only for one in English', () => {
    const forms = { one: 'client', other: 'clients' };
    expect([0, 1, 2, 21].map((n) => plural('en', n, forms))).toEqual(['clients', 'client', 'clients', 'clients']);
  });

  it('falls back to "other" when a category has no form of its own', () => {
    expect(plural('ru', 5, { other: 'шт.' })).toBe('шт.');
  });
});

describe('clientCount', () => {
  it('counts clients in both locales with the grouped number', () => {
    expect(ru.strings.clientCount(1021, '1 021')).toBe('1 021 клиент');
    expect(ru.strings.clientCount(10_000, '10 000')).toBe('10 000 клиентов');
    expect(ru.strings.clientCount(3, '3')).toBe('3 клиента');
    expect(clientListStrings.clientCount(1, '1')).toBe('1 client');
    expect(clientListStrings.clientCount(1234, '1,234')).toBe('1,234 clients');
  });
});

describe('clientUnread', () => {
  it("reads a client's unread badge with the plural each count needs", () => {
    expect([1, 3, 5, 21, 22].map((n) => ru.strings.clientUnread(n, String(n)))).toEqual([
      '1 непрочитанное сообщение',
      '3 непрочитанных сообщения',
      '5 непрочитанных сообщений',
      '21 непрочитанное сообщение',
      '22 непрочитанных сообщения',
    ]);
    expect([1, 2].map((n) => clientListStrings.clientUnread(n, String(n)))).toEqual(['1 unread message', '2 unread messages']);
  });
});
