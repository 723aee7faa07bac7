/**
 * The parts of a verdict every scheme assembles the same way, HMAC or key pair: a request that
 * lacks a required header, the timestamp window, and which failure is reported when both fail.
 */
import type { DiagnosisItem, VerificationReason } from '../../../shared/api';
import type { TimestampRule } from './hmac-scheme';
import { timestampUnitHint } from './diagnosis/timestamp-units';
import { checkTimestampWindow, parseTimestamp } from './timestamp';
import type { SchemeCheck } from './types';

/** The check of a request without the named headers: nothing else can be judged. */
export function missingHeaderCheck(label: string, missing: readonly string[], received: string | null): SchemeCheck {
  return {
    reason: 'missing_header',
    received,
    expected: null,
    timestamp: null,
    signedContent: null,
    diagnosis: [
      {
        code: 'missing_header',
        message: `The request has no ${missing.join(' and ')} header; the sender did not sign it for the ${label} scheme, or a proxy dropped the header. Check the endpoint's scheme.`,
      },
    ],
    signatureMatched: false,
  };
}

/** The timestamp against the window, with what to tell the user when it is outside or unreadable. */
export function judgeTimestamp(
  rule: TimestampRule | null,
  raw: string | null,
  nowSeconds: number,
  toleranceSeconds: number,
): { timestamp: number | null; reason: VerificationReason; items: DiagnosisItem[] } {
  if (!rule || raw === null) return { timestamp: null, reason: 'ok', items: [] };
  const timestamp = parseTimestamp(raw, rule.unit);
  const reason = timestamp === null ? 'timestamp_malformed' : checkTimestampWindow(timestamp, nowSeconds, toleranceSeconds, rule.direction);
  if (reason === 'ok') return { timestamp, reason, items: [] };
  const items = [timestampItem(reason, rule, raw, timestamp, nowSeconds, toleranceSeconds)];
  const hint = timestampUnitHint(raw, rule.unit, nowSeconds, toleranceSeconds);
  if (hint) items.push(hint);
  return { timestamp, reason, items };
}

/**
 * The reason reported: a timestamp that cannot be read first in either order (nothing it gates is
 * trustworthy), else the first failure in the scheme's order (`timestamp-first` mirrors SDKs that
 * reject stale messages before computing anything).
 */
export function combinedReason(
  order: 'signature-first' | 'timestamp-first',
  timestampReason: VerificationReason,
  signatureReason: VerificationReason,
): VerificationReason {
  if (timestampReason === 'timestamp_malformed') return timestampReason;
  if (order === 'timestamp-first') return timestampReason !== 'ok' ? timestampReason : signatureReason;
  return signatureReason !== 'ok' ? signatureReason : timestampReason;
}

/** The diagnosis item of a timestamp outside the window or unreadable. */
function timestampItem(
  reason: VerificationReason,
  rule: TimestampRule,
  raw: string,
  value: number | null,
  nowSeconds: number,
  toleranceSeconds: number,
): DiagnosisItem {
  if (reason === 'timestamp_malformed' || value === null) {
    const expected =
      rule.unit === 's'
        ? 'an integer count of unix seconds'
        : rule.unit === 'ms'
          ? 'an integer count of unix milliseconds'
          : 'an RFC 3339 date-time';
    return { code: 'timestamp_malformed', message: `${rule.name} must be ${expected}; got ${JSON.stringify(raw)}.` };
  }
  const age = nowSeconds - value;
  if (reason === 'timestamp_expired') {
    return {
      code: 'timestamp_expired',
      message: `The timestamp is ${age} s old, beyond the ${toleranceSeconds} s tolerance: a replay, a queued retry, or a sender clock running behind. Re-send the event, or widen the tolerance to accept it.`,
    };
  }
  return {
    code: 'timestamp_future',
    message: `The timestamp is ${-age} s in the future, beyond the ${toleranceSeconds} s tolerance: the sender's clock runs ahead (sync it with NTP).`,
  };
}
