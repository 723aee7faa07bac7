import type { Verdict } from '../../../shared/api';
import { primaryDiagnosis } from '../../../shared/diagnosis';

/** The pill's word for each failed check, when no diagnosis says more. */
const REASON_LABELS: Record<string, string> = {
  timestamp_expired: 'expired',
  timestamp_future: 'future',
  timestamp_malformed: 'bad timestamp',
  missing_header: 'no signature',
  malformed_header: 'malformed',
  no_secret: 'no secret',
  scheme_unavailable: 'no scheme',
};

/** What the diagnosis found out (the real cause of an expired or mismatching request), in two words at most. */
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
  key_format: 'key format',
};

const TIMESTAMP_UNIT_DIAGNOSES = new Set(['timestamp_milliseconds', 'timestamp_seconds']);

/**
 * The short text of a verdict pill: why a capture is not valid, so a list of failures can be read
 * without opening each one. The full sentence stays in the tooltip (reasonText).
 */
export function verdictLabel(verdict: Verdict, reason: string, diagnosis: string | null | undefined): string {
  if (verdict === 'valid') return 'valid';
  if (reason === 'signature_mismatch') return (diagnosis && DIAGNOSIS_LABELS[diagnosis]) || 'bad signature';
  // A timestamp in milliseconds (or seconds where ms are expected) looks expired or future: say so.
  if (diagnosis && TIMESTAMP_UNIT_DIAGNOSES.has(diagnosis)) return DIAGNOSIS_LABELS[diagnosis] as string;
  return REASON_LABELS[reason] ?? verdict;
}

/** A full verification's counterpart of RequestSummary.verification.diagnosis, by the same rule. */
export function firstDiagnosis(verification: { reason: string; diagnosis: ReadonlyArray<{ code: string }> }): string | null {
  return primaryDiagnosis(
    verification.diagnosis.map((item) => item.code),
    verification.reason,
  );
}
