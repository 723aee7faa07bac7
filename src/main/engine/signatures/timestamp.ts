import type { VerificationReason } from '../../../shared/api';

/** Parses a unix-seconds timestamp header strictly: digits only (an optional minus), no spaces. */
export function parseUnixSeconds(raw: string): number | null {
  if (!/^-?\d{1,16}$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** Tolerance applies in both directions, as the guide's `Math.abs(now - timestamp) <= 300`. */
export function checkTimestampWindow(
  timestamp: number,
  nowSeconds: number,
  toleranceSeconds: number,
): VerificationReason {
  const age = nowSeconds - timestamp;
  if (age > toleranceSeconds) return 'timestamp_expired';
  if (-age > toleranceSeconds) return 'timestamp_future';
  return 'ok';
}
