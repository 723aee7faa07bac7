import type { VerificationReason } from '../../../shared/api';

export type TimestampUnit = 's' | 'ms' | 'rfc3339';
/** `both`: the guide's `Math.abs(now - ts) <= tolerance`; `past-only`: Stripe's `now - ts > tolerance`. */
export type ToleranceDirection = 'both' | 'past-only';

/** Parses a unix-seconds timestamp header strictly: digits only (an optional minus), no spaces. */
export function parseUnixSeconds(raw: string): number | null {
  if (!/^-?\d{1,16}$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

// RFC 3339 as Twitch sends it: `2023-02-15T16:37:55.379934431Z` (nanoseconds) or an offset.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses a timestamp in the given unit and returns unix seconds (floored), or null if malformed. */
export function parseTimestamp(raw: string, unit: TimestampUnit): number | null {
  if (unit === 's') return parseUnixSeconds(raw);
  if (unit === 'ms') {
    const ms = parseUnixSeconds(raw);
    return ms === null ? null : Math.floor(ms / 1000);
  }
  const match = RFC3339.exec(raw);
  if (!match) return null;
  // Date.parse only promises millisecond precision; the fraction does not matter at 1 s.
  const ms = Date.parse(`${match[1]}${match[3]}`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** Formats unix seconds the way a scheme sends its timestamp. */
export function formatTimestamp(seconds: number, unit: TimestampUnit): string {
  if (unit === 's') return String(seconds);
  if (unit === 'ms') return String(seconds * 1000);
  return new Date(seconds * 1000).toISOString();
}

export function checkTimestampWindow(
  timestamp: number,
  nowSeconds: number,
  toleranceSeconds: number,
  direction: ToleranceDirection = 'both',
): VerificationReason {
  const age = nowSeconds - timestamp;
  if (age > toleranceSeconds) return 'timestamp_expired';
  if (direction === 'both' && -age > toleranceSeconds) return 'timestamp_future';
  return 'ok';
}
