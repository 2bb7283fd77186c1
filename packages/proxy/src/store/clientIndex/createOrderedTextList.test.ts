import { describe, expect, it } from 'vitest';
import { createOrderedTextList } from './createOrderedTextList.js';

interface Row {
  key: number;
  text: string;
}

const byKey = (a: Row, b: Row) => a.key - b.key;
const keysOf = (list: ReturnType<typeof createOrderedTextList<Row>>, needles: string[] = []) => {
  const keys: number[] = [];
  list.scan(needles, (row) => keys.push(row.key));
  return keys;
};

// A fixed shuffle (multiplication by a unit modulo n), so failures reproduce.
const shuffled = (count: number) => Array.from({ length: count }, (_, n) => ((n * 7919) % count) + 1);

describe('createOrderedTextList', () => {
  it('keeps items in order through inserts in any order, across many blocks', () => {
    const list = createOrderedTextList<Row>(byKey);
    for (const key of shuffled(5000)) list.insert({ key, text: `row ${key}` });
    expect(list.size).toBe(5000);
    expect(keysOf(list)).toEqual(Array.from({ length: 5000 }, (_, n) => n + 1));
  });

  it('finds every item holding all needles, once each, in order, wherever its block ends', () => {
    const list = createOrderedTextList<Row>(byKey);
    list.reset(Array.from({ length: 3000 }, (_, n) => ({ key: n + 1, text: n % 1000 === 999 ? 'abc abc abc' : `row ${n + 1}` })));
    expect(keysOf(list, ['abc'])).toEqual([1000, 2000, 3000]);
    expect(keysOf(list, ['row', '12'])).toEqual(keysOf(list).filter((key) => key % 1000 !== 0 && String(key).includes('12')));
    expect(keysOf(list, ['nothing'])).toEqual([]);
  });

  it('never matches across two items', () => {
    const list = createOrderedTextList<Row>(byKey);
    list.reset([
      { key: 1, text: 'xa' },
      { key: 2, text: 'bx' },
    ]);
    expect(keysOf(list, ['ab'])).toEqual([]);
    expect(keysOf(list, ['x'])).toEqual([1, 2]);
  });

  it('sees changes made after a scan', () => {
    const list = createOrderedTextList<Row>(byKey);
    const rows = Array.from({ length: 2500 }, (_, n) => ({ key: (n + 1) * 2, text: `row ${(n + 1) * 2}` }));
    list.reset(rows);
    expect(keysOf(list, ['row 2000'])).toEqual([2000]);
    list.insert({ key: 2001, text: 'row 2000 again' });
    expect(list.remove(rows[999] as Row)).toBe(true); // key 2000
    expect(keysOf(list, ['row 2000'])).toEqual([2001]);
    expect(list.size).toBe(2500);
  });

  it('removes only the very item given, and can become empty and fill again', () => {
    const list = createOrderedTextList<Row>(byKey);
    const row = { key: 1, text: 'one' };
    list.insert(row);
    expect(list.remove({ key: 1, text: 'one' })).toBe(false);
    expect(list.remove(row)).toBe(true);
    expect(list.remove(row)).toBe(false);
    expect(list.size).toBe(0);
    expect(keysOf(list)).toEqual([]);
    list.insert({ key: 5, text: 'five' });
    expect(keysOf(list, ['five'])).toEqual([5]);
  });
});
