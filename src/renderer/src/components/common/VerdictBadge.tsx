import type { Verdict } from '../../../../shared/api';
import { reasonText } from '../../lib/verification-text';

interface VerdictBadgeProps {
  verdict: Verdict;
  reason: string;
}

/** valid / invalid / unverifiable, with the reason on hover. */
export function VerdictBadge({ verdict, reason }: VerdictBadgeProps) {
  return (
    <span
      className={`badge badge-${verdict}`}
      data-testid="verdict-badge"
      data-verdict={verdict}
      data-reason={reason}
      title={`${reason}: ${reasonText(reason)}`}
    >
      {verdict}
    </span>
  );
}
