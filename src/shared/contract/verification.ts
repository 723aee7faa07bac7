/** A signature and timestamp verdict: captures, the Signature Lab and re-verification answer one. */
import { Nullable, StringEnum, Type, type Static } from './schema';

export const VERDICTS = ['valid', 'invalid', 'unverifiable'] as const;
export const Verdict = StringEnum(VERDICTS);
export type Verdict = Static<typeof Verdict>;

/** Why a verification ended where it did: `ok` when valid, else the first failing check. */
export const VERIFICATION_REASONS = [
  'ok',
  'missing_header',
  'malformed_header',
  'timestamp_malformed',
  'timestamp_expired',
  'timestamp_future',
  'signature_mismatch',
  'no_secret',
  /** The scheme is unknown or its custom configuration is unusable (unverifiable). */
  'scheme_unavailable',
] as const;
export const VerificationReason = StringEnum(VERIFICATION_REASONS);
export type VerificationReason = Static<typeof VerificationReason>;

export const DiagnosisItem = Type.Object({ code: Type.String(), message: Type.String() });
export type DiagnosisItem = Static<typeof DiagnosisItem>;

export const KeyAlgorithm = StringEnum(['ed25519', 'ecdsa-p256']);

export const Verification = Type.Object({
  scheme: Type.String(),
  verdict: Verdict,
  reason: VerificationReason,
  signature: Type.Object({ received: Nullable(Type.String()), expected: Nullable(Type.String()) }),
  timestamp: Type.Object({ value: Nullable(Type.Number()), age_seconds: Nullable(Type.Number()) }),
  tolerance_seconds: Type.Number(),
  signed_content_base64: Nullable(Type.String(), {
    description: 'The exact bytes that were (or would be) signed, base64; null when they cannot be built.',
  }),
  signed_content_size: Type.Optional(
    Type.Integer({
      description:
        "Set when `signed_content_base64` holds only the first 64 KiB (a capture detail with a large body): the whole signed content's size.",
    }),
  ),
  diagnosis: Type.Array(DiagnosisItem),
  key_algorithm: Type.Optional(
    Type.Unsafe<'ed25519' | 'ecdsa-p256'>({
      ...KeyAlgorithm,
      description:
        'Set when the signature is checked with a public key (Discord, SendGrid, Standard Webhooks v1a): `expected` is then null.',
    }),
  ),
});
export type Verification = Static<typeof Verification>;
