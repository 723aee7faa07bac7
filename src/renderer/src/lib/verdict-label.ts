import type { Verdict } from '../../../shared/api';

/** The pill's word for each failed check; signature_mismatch is refined by the diagnosis below. */
const REASON_LABELS: Record<string, string> = {
  timestamp_expired: 'expired',
  timestamp_future: 'future',
  timestamp_malformed: 'bad timestamp',
  missing_header: 'no signature',
  malformed_header: 'malformed',
  no_secret: 'no secret',
  scheme_unavailable: 'no scheme',
};

/** What the background indexer found out about a mismatching signature, in two words at most. */
const DIAGNOSIS_LABELS: Record<string, string> = {
  body_reserialized: 're-serialized',
  body_incomplete: 'incomplete body',
  body_truncated: 'truncated',
  timestamp_milliseconds: 'ms timestamp',
  timestamp_seconds: 'timestamp unit',
  secret_whitespace: 'secret whitespace',
  secret_format: 'secret format',
  wrong_algorithm: 'wrong algorithm',
  signature_encoding: 'encoding',
};

/**
 * The short text of a verdict pill: why a capture is not valid, so a list of failures can be read
 * without opening each one. The full sentence stays in the tooltip (reasonText).
 */
export function verdictLabel(verdict: Verdict, reason: string, diagnosis: string | null | undefined): string {
  if (verdict === 'valid') return 'valid';
  if (reason === 'signature_mismatch') return (diagnosis && DIAGNOSIS_LABELS[diagnosis]) || 'bad signature';
  return REASON_LABELS[reason] ?? verdict;
}

/** A full verification's counterpart of RequestSummary.verification.diagnosis: its first diagnosis code. */
export function firstDiagnosis(verification: { diagnosis: ReadonlyArray<{ code: string }> }): string | null {
  return verification.diagnosis[0]?.code ?? null;
}
