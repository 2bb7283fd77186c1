import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryAfterSeconds } from './backoff.js';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by the jitter', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, 100, 1000, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, 100, 1000, () => 0)).toBe(0);
    expect(backoffDelay(2, 100, 1000, () => 0.5)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(' 0.5 ')).toBe(500);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2025 00:00:07 GMT', now)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('clamps a wait of a day, a far date or an absurd number to 60 s', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
  });
});

describe('retryAfterSeconds', () => {
  it('answers whole seconds from 1 to 60', () => {
    expect([0, 1, 999, 1000, 1001, 59_999, 60_000, 86_400_000, Number.POSITIVE_INFINITY].map(retryAfterSeconds)).toEqual([
      1, 1, 1, 1, 2, 60, 60, 60, 60,
    ]);
  });
});
