import { describe, expect, it } from 'vitest';
import { formatView, parseView, type DemoView } from './useUrlState.ts';

const view = (overrides: Partial<DemoView>): DemoView => ({
  section: 'leads',
  clientId: undefined,
  dialogId: undefined,
  mode: 2,
  layout: 'full',
  ...overrides,
});

describe('demo URL state', () => {
  it('reads the section, client, dialog, mode and layout', () => {
    expect(parseView('?client=123&mode=3')).toEqual(view({ clientId: 123, mode: 3 }));
    expect(parseView('?client=123&mode=3&layout=panel')).toEqual(view({ clientId: 123, mode: 3, layout: 'panel' }));
    expect(parseView('?section=inbox&dialog=63&mode=1')).toEqual(view({ section: 'inbox', dialogId: 63, mode: 1 }));
  });

  it('falls back on bad values instead of breaking the page', () => {
    expect(parseView('?client=abc&mode=9&layout=sideways&section=reports&dialog=1.5')).toEqual(view({}));
    expect(parseView('?client=-5&dialog=0')).toEqual(view({}));
    expect(parseView('')).toEqual(view({}));
  });

  it('round-trips and keeps other parameters', () => {
    const search = formatView(view({ clientId: 7, mode: 1 }), '?lang=ru');
    expect(search).toBe('?lang=ru&client=7&mode=1');
    expect(parseView(search)).toEqual(view({ clientId: 7, mode: 1 }));
    expect(formatView(view({}), search)).toBe('?lang=ru&mode=2');
  });

  it('writes the side-panel layout, and drops it when back to the full page', () => {
    const panel = formatView(view({ clientId: 7, layout: 'panel' }), '?lang=ru');
    expect(panel).toBe('?lang=ru&client=7&mode=2&layout=panel');
    expect(parseView(panel).layout).toBe('panel');
    expect(formatView(view({ clientId: 7 }), panel)).toBe('?lang=ru&client=7&mode=2');
  });

  it('writes the inbox with its dialog, keeping the lead for the way back', () => {
    const inbox = formatView(view({ section: 'inbox', clientId: 7, dialogId: 63 }), '?lang=ru');
    expect(inbox).toBe('?lang=ru&section=inbox&client=7&dialog=63&mode=2');
    expect(parseView(inbox)).toEqual(view({ section: 'inbox', clientId: 7, dialogId: 63 }));
    expect(formatView(view({ clientId: 7, dialogId: 63 }), inbox)).toBe('?lang=ru&client=7&dialog=63&mode=2');
  });
});
