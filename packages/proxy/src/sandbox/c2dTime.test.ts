import { describe, expect, it } from 'vitest';
import { createRandom } from './createRandom.js';
import { c2dTime, c2dTimeMs } from './c2dTime.js';

describe('c2dTime', () => {
  it('formats UTC times as Chat2Desk does, without milliseconds or zone', () => {
    expect(c2dTime(Date.UTC(2026, 10, 1, 0, 0, 0))).toBe('2026-11-01T00:00:00');
    expect(c2dTime(Date.UTC(2026, 7, 9, 23, 59, 59, 999))).toBe('2026-08-09T23:59:59');
    expect(c2dTime(Date.UTC(1969, 11, 31, 7, 5, 3))).toBe('1969-12-31T07:05:03');
  });

  it('agrees with toISOString and round-trips through c2dTimeMs at any time', () => {
    const random = createRandom(3);
    for (let i = 0; i < 500; i++) {
      const ms = random.int(Date.UTC(2020, 0, 1) / 1000, Date.UTC(2030, 0, 1) / 1000) * 1000 + random.int(0, 999);
      const whole = Math.floor(ms / 1000) * 1000;
      expect(c2dTime(ms)).toBe(new Date(ms).toISOString().slice(0, 19));
      expect(c2dTimeMs(c2dTime(ms))).toBe(whole);
    }
  });
});
