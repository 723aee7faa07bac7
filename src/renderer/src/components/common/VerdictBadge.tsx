import type { Verdict } from '../../../../shared/api';
import { verdictLabel } from '../../lib/verdict-label';
import { reasonText, type KeyAlgorithm } from '../../../../shared/verification-text';

interface VerdictBadgeProps {
  verdict: Verdict;
  reason: string;
  /** The first diagnosis code, which says why a signature mismatched; null while unknown. */
  diagnosis?: string | null;
  /** Set when the verification used a public key: the words name the key, not a secret. */
  keyAlgorithm?: KeyAlgorithm | null;
}

/** A pill coloured by verdict that names the reason (expired, re-serialized, …); the full text on hover. */
export function VerdictBadge({ verdict, reason, diagnosis = null, keyAlgorithm = null }: VerdictBadgeProps) {
  const label = keyAlgorithm && reason === 'no_secret' ? 'no key' : verdictLabel(verdict, reason, diagnosis);
  const detail = diagnosis ? ` (${diagnosis})` : '';
  return (
    <span
      className={`badge badge-${verdict}`}
      data-testid="verdict-badge"
      data-verdict={verdict}
      data-reason={reason}
      data-label={label}
      title={`${verdict} · ${reason}${detail}: ${reasonText(reason, keyAlgorithm)}`}
    >
      {label}
    </span>
  );
}
