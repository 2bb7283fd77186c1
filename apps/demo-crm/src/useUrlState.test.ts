import { describe, expect, it } from 'vitest';
import { formatView, parseView } from './useUrlState.ts';

describe('demo URL state', () => {
  it('reads the client, mode and layout', () => {
    expect(parseView('?client=123&mode=3')).toEqual({ clientId: 123, mode: 3, layout: 'full' });
    expect(parseView('?client=123&mode=3&layout=panel')).toEqual({ clientId: 123, mode: 3, layout: 'panel' });
  });

  it('falls back on bad values instead of breaking the page', () => {
    expect(parseView('?client=abc&mode=9&layout=sideways')).toEqual({ clientId: undefined, mode: 2, layout: 'full' });
    expect(parseView('?client=-5')).toEqual({ clientId: undefined, mode: 2, layout: 'full' });
    expect(parseView('')).toEqual({ clientId: undefined, mode: 2, layout: 'full' });
  });

  it('round-trips and keeps other parameters', () => {
    const search = formatView({ clientId: 7, mode: 1, layout: 'full' }, '?lang=ru');
    expect(search).toBe('?lang=ru&client=7&mode=1');
    expect(parseView(search)).toEqual({ clientId: 7, mode: 1, layout: 'full' });
    expect(formatView({ clientId: undefined, mode: 2, layout: 'full' }, search)).toBe('?lang=ru&mode=2');
  });

  it('writes the side-panel layout, and drops it when back to the full page', () => {
    const panel = formatView({ clientId: 7, mode: 2, layout: 'panel' }, '?lang=ru');
    expect(panel).toBe('?lang=ru&client=7&mode=2&layout=panel');
    expect(parseView(panel).layout).toBe('panel');
    expect(formatView({ clientId: 7, mode: 2, layout: 'full' }, panel)).toBe('?lang=ru&client=7&mode=2');
  });
});
