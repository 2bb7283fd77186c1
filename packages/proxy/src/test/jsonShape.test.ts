import { describe, expect, it } from 'vitest';
import { jsonShapeMismatches, jsonShapeOf } from './jsonShape.js';

const shape = jsonShapeOf([
  { id: 1, at: '2025-09-09T13:20:25 UTC', count: '12', last: { id: 9, text: 'a' }, tags: [{ id: 1 }], role: 'x' },
  { id: 2, at: '09.09.2025 13:20:25', count: 4, last: null, tags: [] },
]);

describe('jsonShape: the contract test’s comparison of answers', () => {
  it('accepts an answer with the same keys and types, nulls anywhere, optional keys left out', () => {
    expect(jsonShapeMismatches({ id: 3, at: '01.01.2026 00:00:00', count: 7, last: { id: 1, text: null }, tags: [{ id: 4 }] }, shape)).toEqual([]);
    expect(jsonShapeMismatches({ id: 3, at: null, count: '1', last: null, tags: [], role: null }, shape)).toEqual([]);
  });

  it('names what differs: a field the real answers lack, a missing one, a wrong type, a time in another format', () => {
    expect(jsonShapeMismatches({ id: 3, at: '2026-01-01T00:00:00', count: 1, last: 5, tags: [{ id: '4' }], client_id: 7 }, shape)).toEqual([
      '$.at: time expected, got string ("2026-01-01T00:00:00")',
      '$.last: object | null expected, got number (5)',
      '$.tags.0.id: number expected, got string ("4")',
      '$.client_id: not in the real answers',
    ]);
    expect(jsonShapeMismatches({ at: null, count: 1, last: { text: 'x' }, tags: [] }, shape)).toEqual(['$.last.id: missing', '$.id: missing']);
  });
});
