import { describe, expect, it } from 'vitest';
import { parseClientSearch } from './parseClientSearch.js';

describe('parseClientSearch', () => {
  it('searches phone digits when the text is a phone number as people type it', () => {
    expect(parseClientSearch('+7 (701) 234-56-78')).toEqual({ phone: '77012345678' });
    expect(parseClientSearch(' 7701 ')).toEqual({ phone: '7701' });
  });

  it('searches by name for anything with letters', () => {
    expect(parseClientSearch('  Анна И ')).toEqual({ q: 'Анна И' });
    expect(parseClientSearch('CRM-12')).toEqual({ q: 'CRM-12' });
  });

  it('searches nothing for blank text', () => {
    expect(parseClientSearch('   ')).toEqual({});
  });
});
