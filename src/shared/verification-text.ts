import type { SchemeDescriptor, VerificationReason } from './api';

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

/**
 * A key-pair verification has no shared secret: the reasons that name one say "public key"
 * instead (the others read the same for both kinds).
 */
const KEY_PAIR_REASON_TEXT: Partial<Record<VerificationReason, string>> = {
  ok: 'Signature and timestamp are valid: verified with this public key.',
  signature_mismatch:
    'The signature does not verify with this public key over the body: it was not made by the matching private key, or the body changed.',
  no_secret: 'No public key is set, so the signature cannot be checked.',
};

export type KeyAlgorithm = NonNullable<SchemeDescriptor['key_pair']>['algorithm'];

/** How a signature made with a private key of this algorithm is named in sentences. */
export const KEY_ALGORITHM_NAMES: Record<KeyAlgorithm, string> = { ed25519: 'Ed25519', 'ecdsa-p256': 'ECDSA P-256' };

/** The reason as a sentence; `keyAlgorithm` (a verification's `key_algorithm`) switches to key-pair wording. */
export function reasonText(reason: string, keyAlgorithm?: KeyAlgorithm | null): string {
  if (keyAlgorithm) {
    const text = (KEY_PAIR_REASON_TEXT as Record<string, string>)[reason];
    if (text) return text;
  }
  return (REASON_TEXT as Record<string, string>)[reason] ?? reason;
}

/**
 * What stands in the Expected row when there is no expected signature: a public key can check
 * a signature but never make one, so with a key pair this is the normal case, not a failure.
 */
export function missingExpectedText(keyAlgorithm?: KeyAlgorithm | null): string {
  return keyAlgorithm
    ? `— (an ${KEY_ALGORITHM_NAMES[keyAlgorithm]} signature can only be made with the private key)`
    : '— (cannot be computed)';
}

/** What a scheme's secret looks like, for hints beside secret fields; null for plain text. */
export function secretFormatHint(format: SchemeDescriptor['secret_format'] | undefined): string | null {
  if (format === 'whsec_base64') return 'whsec_ + base64 of the key';
  if (format === 'base64') return 'base64 of the key (no prefix)';
  return null;
}

/** "42 s old, tolerance 300 s" or "15 s in the future, tolerance 300 s". */
export function describeTimestampAge(ageSeconds: number, toleranceSeconds: number): string {
  const rounded = Math.round(Math.abs(ageSeconds));
  const age = ageSeconds < 0 ? `${rounded} s in the future` : `${rounded} s old`;
  return `${age}, tolerance ${toleranceSeconds} s`;
}
