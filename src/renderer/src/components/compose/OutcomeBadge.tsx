import type { OutboundErrorCode } from '../../../../shared/api';
import { outcomeLabel } from '../../lib/sent-outcome';

/** A send's result in one word: the status code, or what failed. */
export function OutcomeBadge({ status, errorCode }: { status: number | null; errorCode: OutboundErrorCode | null }) {
  const { text, tone } = outcomeLabel(status, errorCode);
  return (
    <span className={`outcome outcome-${tone}`} data-testid="outcome-badge" data-tone={tone}>
      {text}
    </span>
  );
}
