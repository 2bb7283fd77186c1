import { describe, expect, it } from 'vitest';
import { createFormatters } from './formatters.js';
import { ru } from './locales/ru.js';

const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('createFormatters', () => {
  it("formats relative time in English (the default) and in a pack's language", () => {
    expect(createFormatters().relative(ago(5 * 60), NOW)).toBe('5 minutes ago');
    expect(createFormatters(ru.code).relative(ago(5 * 60), NOW)).toBe('5 минут назад');
    expect(createFormatters().relative(ago(26 * 3600), NOW)).toBe('yesterday');
    expect(createFormatters().relative(ago(0), NOW)).toBe('now');
  });

  it('formats absolute date and time per locale', () => {
    const iso = '2026-11-01T09:05:00Z';
    expect(createFormatters().dateTime(iso)).toMatch(/1 Nov 2026/);
    expect(createFormatters(ru.code).dateTime(iso)).toMatch(/1 нояб\. 2026/);
  });

  it('shows the time for today and the date otherwise', () => {
    const f = createFormatters();
    expect(f.short(new Date(NOW - 60_000).toISOString(), NOW)).toMatch(/^\d{1,2}:\d{2}/);
    expect(f.short('2026-10-20T10:00:00Z', NOW)).toBe('20 Oct');
  });

  it('groups numbers per locale', () => {
    expect(createFormatters().number(10000)).toBe('10,000');
    expect(createFormatters(ru.code).number(10000).replace(/\s/g, ' ')).toBe('10 000');
  });
});
