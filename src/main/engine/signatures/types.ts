import type { DiagnosisItem, VerificationReason } from '../../../shared/api';

/** A request as verification sees it: raw header pairs and the exact body bytes. */
export interface SignedMessage {
  headers: ReadonlyArray<readonly [string, string]>;
  body: Buffer;
  /** Full URL as the sender addressed it; some schemes (Twilio) sign it. */
  url?: string;
}

export interface VerifyOptions {
  secret: string;
  toleranceSeconds: number;
  /** Unix seconds; replaces the clock so published vectors can be checked. */
  nowSeconds: number;
}

/** What a scheme reports before the verdict is assembled. */
export interface SchemeCheck {
  reason: VerificationReason;
  received: string | null;
  expected: string | null;
  timestamp: number | null;
  signedContent: Buffer | null;
  diagnosis: DiagnosisItem[];
}

export interface SignOptions {
  secret: string;
  body: Buffer;
  timestampSeconds: number;
  id?: string;
  url?: string;
}

export interface SignResult {
  headers: Record<string, string>;
  signedContent: Buffer;
}

export interface SignatureScheme {
  /** Stable identifier used in endpoint configs and the API, e.g. `dcisionai`. */
  id: string;
  label: string;
  /** Header names (lowercase) this scheme reads, for display. */
  headerNames: string[];
  verify(message: SignedMessage, options: VerifyOptions): SchemeCheck;
  sign(options: SignOptions): SignResult;
}
