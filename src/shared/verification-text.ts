import type { VerificationReason } from './api';

/** One sentence per reason, phrased as what to check next. */
export const REASON_TEXT: Record<VerificationReason, string> = {
  ok: 'Signature and timestamp are valid.',
  missing_header: 'A signature or timestamp header is missing.',
  malformed_header: 'The signature header is not in the format this scheme uses.',
  timestamp_malformed: 'The timestamp is not in the unit or format this scheme uses.',
  timestamp_expired: 'The timestamp is older than the tolerance allows.',
  timestamp_future: 'The timestamp is further in the future than the tolerance allows.',
  signature_mismatch: 'The signature does not match the body signed with this secret.',
  no_secret: 'No secret is set, so the signature cannot be checked.',
  scheme_unavailable: 'The signature scheme is unknown or its custom configuration is unusable.',
};

export function reasonText(reason: string): string {
  return (REASON_TEXT as Record<string, string>)[reason] ?? reason;
}

/** "42 s old, tolerance 300 s" or "15 s in the future, tolerance 300 s". */
export function describeTimestampAge(ageSeconds: number, toleranceSeconds: number): string {
  const rounded = Math.round(Math.abs(ageSeconds));
  const age = ageSeconds < 0 ? `${rounded} s in the future` : `${rounded} s old`;
  return `${age}, tolerance ${toleranceSeconds} s`;
}
