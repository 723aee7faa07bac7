/** since:/until: values of the history query: an ISO 8601 date or date-time, or a time relative to now. */
const RELATIVE_UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Epoch ms of a since:/until: value, or null. ISO values are taken apart here rather than handed to
 * Date.parse, whose leniency differs between engines and which reads a bare date as UTC while a
 * user typing since:2026-12-06 means their own midnight.
 */
export function readTime(value: string, now: number): number | null {
  const relative = /^(\d+)([smhdw])$/i.exec(value);
  if (relative) return now - Number(relative[1]) * (RELATIVE_UNIT_MS[relative[2]!.toLowerCase()] ?? NaN);
  const m = ISO_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8]?.toUpperCase();
  // setFullYear, not the Date constructor, which maps years 0..99 to 1900..1999.
  const at = new Date(0);
  if (zone === undefined) {
    at.setFullYear(year, month - 1, day);
    at.setHours(hour, minute, second, ms);
    return at.getTime();
  }
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, ms);
  if (zone === 'Z') return at.getTime();
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(3).replace(':', '') || '0');
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  return at.getTime() - (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 6e4;
}
