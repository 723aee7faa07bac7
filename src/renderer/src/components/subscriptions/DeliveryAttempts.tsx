import { attemptOutcome, untilText } from '../../lib/delivery-text';
import { formatMs, formatTime } from '../../lib/format';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './DeliveryTimeline.module.css';

/** Every attempt of the open delivery, oldest first: time, outcome, duration, response, next retry. */
export function DeliveryAttempts({ deliveryId }: { deliveryId: string }) {
  const detail = useStore((s) => (s.expandedDelivery?.id === deliveryId ? s.expandedDelivery : null));
  if (!detail) return <p className={cx('note', styles.deliveryAttempts)}>Loading attempts…</p>;
  if (detail.attempts.length === 0) {
    return (
      <p className={cx('note', styles.deliveryAttempts)} data-testid="delivery-no-attempts">
        No attempt yet{detail.next_attempt_at ? `; the first is due ${untilText(detail.next_attempt_at, Date.now())}` : ''}.
      </p>
    );
  }
  return (
    <table className={styles.deliveryAttempts} data-testid="delivery-attempts">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Time</th>
          <th scope="col">Result</th>
          <th scope="col" className="align-right">
            Duration
          </th>
          <th scope="col">Response</th>
          <th scope="col">Next retry</th>
        </tr>
      </thead>
      <tbody>
        {detail.attempts.map((attempt, index) => (
          <tr
            key={`${attempt.number}:${attempt.duplicate ? 'dup' : 'main'}:${index}`}
            data-testid="attempt-row"
            data-success={attempt.success}
            data-status-code={attempt.status_code ?? ''}
            className={attempt.success ? 'attempt-ok' : 'attempt-failed'}
          >
            <td>
              {attempt.number}
              {attempt.duplicate && <span className="tag tag-warn">dup</span>}
            </td>
            <td>{formatTime(attempt.started_at)}</td>
            <td>
              <span
                className={cx(styles.statusCode, attempt.success ? 'text-good' : 'text-bad')}
                data-testid="attempt-outcome"
                title={attempt.error?.message}
              >
                {attemptOutcome(attempt)}
              </span>
              {attempt.error && <div className={styles.attemptError}>{attempt.error.message}</div>}
              {attempt.note && <div className={cx(styles.attemptNote, 'muted')}>{attempt.note}</div>}
            </td>
            <td className="align-right">{formatMs(attempt.duration_ms)}</td>
            <td>
              {attempt.response_excerpt ? (
                <code className={styles.attemptExcerpt} title={attempt.response_excerpt}>
                  {attempt.response_excerpt}
                  {attempt.response_truncated ? '…' : ''}
                </code>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>{attempt.next_retry_at ? formatTime(attempt.next_retry_at) : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
