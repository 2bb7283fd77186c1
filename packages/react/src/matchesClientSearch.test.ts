import { describe, expect, it } from 'vitest';
import { matchesClientSearch } from './matchesClientSearch.js';
import { makeClient } from './test/fixtures.js';

const client = { ...makeClient(1), name: 'Пётр Тёмкин', assignedName: 'Петя (опт)', externalId: 'CRM-4411', phone: '77011234567' };

describe('matchesClientSearch', () => {
  it.each(['тёмкин', 'ТЕМКИН', ' петр ', 'опт', 'crm-44'])('finds the client by %j', (search) => {
    expect(matchesClientSearch(client, search)).toBe(true);
  });

  it.each(['Иван', 'crm-4412', 'петр 7'])('does not find it by %j', (search) => {
    expect(matchesClientSearch(client, search)).toBe(false);
  });

  it('matches everyone for a blank search', () => {
    expect(matchesClientSearch({ ...client, name: null, assignedName: null, externalId: null }, '  ')).toBe(true);
  });
});
