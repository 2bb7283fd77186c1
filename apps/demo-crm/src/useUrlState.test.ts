import { describe, expect, it } from 'vitest';
import { formatView, parseView } from './useUrlState.ts';

describe('demo URL state', () => {
  it('reads the client and mode', () => {
    expect(parseView('?client=123&mode=3')).toEqual({ clientId: 123, mode: 3 });
  });

  it('falls back on bad values instead of breaking the page', () => {
    expect(parseView('?client=abc&mode=9')).toEqual({ clientId: undefined, mode: 2 });
    expect(parseView('?client=-5')).toEqual({ clientId: undefined, mode: 2 });
    expect(parseView('')).toEqual({ clientId: undefined, mode: 2 });
  });

  it('round-trips and keeps other parameters', () => {
    const search = formatView({ clientId: 7, mode: 1 }, '?lang=ru');
    expect(search).toBe('?lang=ru&client=7&mode=1');
    expect(parseView(search)).toEqual({ clientId: 7, mode: 1 });
    expect(formatView({ clientId: undefined, mode: 2 }, search)).toBe('?lang=ru&mode=2');
  });
});
