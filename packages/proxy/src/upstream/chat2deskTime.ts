/**
 * Chat2Desk's time formats, in the one place that knows them (shared/chat2desk-api.md,
 * "Transport", ⚠ Times): answers carry `"2025-09-09T13:20:25 UTC"` (H), older records
 * `"09.09.2025 13:20:25"` (`dd.MM.yyyy HH:mm:ss`, UTC; M), and webhooks ISO 8601 with a zone
 * (`"2019-07-28T23:01:40Z"`). A zoneless `"2025-09-09T13:20:25"` (or with a space) is read as
 * UTC too. If Chat2Desk turns out to write another form, add it here and nowhere else.
 */

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s*(UTC|Z|[+-]\d{2}:?\d{2}))?$/i;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds east of UTC of a zone suffix (`UTC`, `Z`, `+05:00`, `-0300`). */
function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || /^(utc|z)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** `Date.UTC` of the parts, or NaN when a part is out of range (a 31st of February, hour 25). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(time);
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exact ? time : Number.NaN;
}

/** Milliseconds since the epoch of a Chat2Desk time, or NaN when it is in none of its formats. */
export function parseChat2DeskTime(value: string): number {
  const text = value.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
    const time = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
    return time - zoneOffsetMs(zone);
  }
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, d, mo, y, h, mi, s] = dotted;
    return utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), 0);
  }
  return Number.NaN;
}

/** A Chat2Desk time as ISO 8601 in UTC (`2025-09-09T13:20:25.000Z`); null when absent or unreadable. */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = parseChat2DeskTime(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
