import type { RequestDetail } from '../../../../shared/api';
import { formatDateTime } from '../../lib/format';
import { ageRefreshMs, formatAge } from '../../lib/relative-time';
import { firstDiagnosis } from '../../lib/verdict-label';
import { reasonText } from '../../../../shared/verification-text';
import { VerdictBadge } from '../common/VerdictBadge';
import { useNow } from '../common/use-now';
import { cx } from '../../lib/cx';
import styles from './DetailSummary.module.css';

/** The sentence that explains a verdict: the first diagnosis when the engine found the cause, else the reason. */
export function verdictHeadline(verification: RequestDetail['verification']): string {
  const code = firstDiagnosis(verification);
  const diagnosis = code === null ? undefined : verification.diagnosis.find((item) => item.code === code);
  return diagnosis?.message ?? reasonText(verification.reason, verification.key_algorithm);
}

/** One line above the body: the verdict, why, and how long ago the capture arrived (exact time on hover). */
export function DetailSummary({ detail }: { detail: RequestDetail }) {
  const { verification } = detail;
  const now = useNow(true, ageRefreshMs(detail.received_at));
  const headline = verdictHeadline(verification);
  const exact = formatDateTime(detail.received_at);
  return (
    <div className={cx(styles.summary, styles[verification.verdict])} data-testid="detail-summary">
      <VerdictBadge
        verdict={verification.verdict}
        reason={verification.reason}
        diagnosis={firstDiagnosis(verification)}
        keyAlgorithm={verification.key_algorithm}
      />
      <span className={styles.headline} data-testid="detail-summary-headline" title={`${verification.scheme}: ${headline}`}>
        {headline}
      </span>
      <time
        className={styles.age}
        dateTime={detail.received_at}
        title={`${detail.imported ? 'Imported' : 'Received'} ${exact}`}
        data-testid="detail-summary-age"
      >
        {formatAge(detail.received_at, now)}
      </time>
    </div>
  );
}
