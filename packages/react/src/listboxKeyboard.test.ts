import { describe, expect, it } from 'vitest';
import { listboxFocusIndex, listboxKeyAction, listboxPageSize } from './listboxKeyboard.js';

const at = (activeIndex: number, count = 50, pageSize = 7) => [activeIndex, count, pageSize] as const;

describe('listboxKeyAction', () => {
  it('moves down and up by one, stopping at the ends', () => {
    expect(listboxKeyAction('ArrowDown', ...at(3))).toEqual({ type: 'move', index: 4 });
    expect(listboxKeyAction('ArrowUp', ...at(3))).toEqual({ type: 'move', index: 2 });
    expect(listboxKeyAction('ArrowDown', ...at(49))).toEqual({ type: 'move', index: 49 });
    expect(listboxKeyAction('ArrowUp', ...at(0))).toEqual({ type: 'move', index: 0 });
  });

  it('enters the list on the first option with either arrow', () => {
    expect(listboxKeyAction('ArrowDown', ...at(-1))).toEqual({ type: 'move', index: 0 });
    expect(listboxKeyAction('ArrowUp', ...at(-1))).toEqual({ type: 'move', index: 0 });
  });

  it('jumps to the ends with Home and End', () => {
    expect(listboxKeyAction('Home', ...at(20))).toEqual({ type: 'move', index: 0 });
    expect(listboxKeyAction('End', ...at(20))).toEqual({ type: 'move', index: 49 });
    expect(listboxKeyAction('End', ...at(-1, 10_000))).toEqual({ type: 'move', index: 9999 });
  });

  it('moves a page with PageDown and PageUp, clamped to the list', () => {
    expect(listboxKeyAction('PageDown', ...at(1))).toEqual({ type: 'move', index: 8 });
    expect(listboxKeyAction('PageUp', ...at(8))).toEqual({ type: 'move', index: 1 });
    expect(listboxKeyAction('PageDown', ...at(45))).toEqual({ type: 'move', index: 49 });
    expect(listboxKeyAction('PageUp', ...at(3))).toEqual({ type: 'move', index: 0 });
    expect(listboxKeyAction('PageDown', ...at(-1))).toEqual({ type: 'move', index: 7 });
  });

  it('selects the active option with Enter or Space, and swallows them when none is active', () => {
    expect(listboxKeyAction('Enter', ...at(4))).toEqual({ type: 'select', index: 4 });
    expect(listboxKeyAction(' ', ...at(4))).toEqual({ type: 'select', index: 4 });
    expect(listboxKeyAction('Enter', ...at(-1))).toEqual({ type: 'none' });
  });

  it('treats an active index past the end (the list shrank) as none', () => {
    expect(listboxKeyAction('ArrowDown', ...at(60))).toEqual({ type: 'move', index: 0 });
    expect(listboxKeyAction('Enter', ...at(60))).toEqual({ type: 'none' });
  });

  it('leaves other keys, and every key of an empty list, to the browser', () => {
    expect(listboxKeyAction('a', ...at(3))).toBeNull();
    expect(listboxKeyAction('Tab', ...at(3))).toBeNull();
    expect(listboxKeyAction('ArrowDown', ...at(-1, 0))).toBeNull();
    expect(listboxKeyAction('Enter', ...at(-1, 0))).toBeNull();
  });
});

describe('listboxPageSize', () => {
  it('is one option less than the viewport shows, keeping one as context', () => {
    expect(listboxPageSize(448, 56)).toBe(7);
    expect(listboxPageSize(480, 56)).toBe(7);
  });

  it('moves at least one option in a tiny viewport', () => {
    expect(listboxPageSize(56, 56)).toBe(1);
    expect(listboxPageSize(0, 56)).toBe(1);
  });
});

describe('listboxFocusIndex', () => {
  it('lands on the selected option when it is in view', () => {
    expect(listboxFocusIndex(12, 10, 17)).toBe(12);
  });

  it('lands on the first option in view when the selected one is out of view or absent', () => {
    expect(listboxFocusIndex(40, 10, 17)).toBe(10);
    expect(listboxFocusIndex(-1, 10, 17)).toBe(10);
  });

  it('lands on the first option before anything is rendered', () => {
    expect(listboxFocusIndex(-1, -1, -1)).toBe(0);
  });
});
