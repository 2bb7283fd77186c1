const DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * Chat2Desk's time format: "YYYY-MM-DDTHH:mm:ss" in UTC, without a zone. Seeding formats some
 * 15 000 times, so the date part is remembered per day instead of building a `Date` each time.
 */
export function c2dTime(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 4096) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY) / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

/** Milliseconds of a time in {@link c2dTime}'s format (read as UTC). */
export function c2dTimeMs(value: string): number {
  return Date.parse(`${value}Z`);
}
