import { describe, expect, it } from 'vitest';
import { createRandom } from './createRandom.js';

const draw = (seed: number, n = 20): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats its sequence for a seed and changes it for another seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int() within both bounds and reaches each of them', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(3, 7));
    expect([...seen].toSorted()).toEqual([3, 4, 5, 6, 7]);
  });

  it('never picks a zero-weight entry and follows the weights', () => {
    const random = createRandom(5);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 4000; i++) counts[random.weighted([['a', 3], ['b', 1], ['never', 0]] as const)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.3);
    expect(counts.a / counts.b).toBeLessThan(3.9);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const shuffled = createRandom(9).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shuffled.toSorted()).toEqual(input);
  });
});
