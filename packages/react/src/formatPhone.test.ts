import { describe, expect, it } from 'vitest';
import { formatPhone } from './formatPhone.js';

describe('formatPhone', () => {
  it('groups Kazakh and Russian numbers the way operators read them', () => {
    expect(formatPhone('77012345678')).toBe('+7 701 234-56-78');
  });

  it('prefixes other international numbers with +, and leaves anything else alone', () => {
    expect(formatPhone('4915112345678')).toBe('+4915112345678');
    expect(formatPhone('hidden')).toBe('hidden');
  });
});
