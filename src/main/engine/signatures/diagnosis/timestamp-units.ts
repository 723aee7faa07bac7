import type { DiagnosisItem } from '../../../../shared/api';
import type { TimestampUnit } from '../timestamp';
import type { SearchContext } from './context';

const DIGITS = /^\d+$/;
/** A unit slip is only claimed when the converted value lands near the clock. */
const NEAR_SECONDS = 24 * 3600;

/**
 * For a timestamp outside the window: does it fit once read in the other unit? A 13-digit
 * value where seconds are expected is Date.now() sent as is.
 */
export function timestampUnitHint(raw: string, unit: TimestampUnit, nowSeconds: number, toleranceSeconds: number): DiagnosisItem | null {
  if (!DIGITS.test(raw)) return null;
  const value = Number(raw);
  const near = (seconds: number) => Math.abs(nowSeconds - seconds) <= Math.max(toleranceSeconds, NEAR_SECONDS);
  if (unit === 's' && raw.length >= 12 && near(Math.floor(value / 1000))) {
    return {
      code: 'timestamp_milliseconds',
      message: `The timestamp ${raw} is in milliseconds where unix seconds are expected: send Math.floor(Date.now() / 1000) (Python: int(time.time())), not Date.now().`,
    };
  }
  if (unit === 'ms' && raw.length <= 11 && near(value)) {
    return {
      code: 'timestamp_seconds',
      message: `The timestamp ${raw} is in seconds where milliseconds are expected: send Date.now() (or set the scheme's timestamp unit to seconds).`,
    };
  }
  return null;
}

/**
 * timestamp_milliseconds (signature side): the header and the signed content disagree on the
 * unit, e.g. Date.now() in the header but seconds in what was signed.
 */
export function explainTimestampUnits(ctx: SearchContext): DiagnosisItem[] {
  const raw = ctx.probe.fields.timestamp;
  if (raw === null || !DIGITS.test(raw) || !ctx.probe.template?.some((part) => part.kind === 'timestamp')) return [];
  if (ctx.probe.timestampUnit === 's' && raw.length >= 12) {
    const seconds = String(Math.floor(Number(raw) / 1000));
    if (ctx.matchesContent(ctx.contentWith({ timestamp: seconds }))) {
      return [
        {
          code: 'timestamp_milliseconds',
          message: `The header carries the timestamp in milliseconds (${raw}) but the sender signed it in seconds (${seconds}): send the same seconds value in the header.`,
        },
      ];
    }
  }
  if (raw.length <= 11) {
    const millis = String(Number(raw) * 1000);
    if (ctx.matchesContent(ctx.contentWith({ timestamp: millis }))) {
      return [
        {
          code: 'timestamp_milliseconds',
          message: `The sender signed the timestamp in milliseconds (${millis}) but sent seconds (${raw}) in the header: sign the same value it sends, in seconds.`,
        },
      ];
    }
  }
  return [];
}
