import type { DeliveryStatus, DeliverySummary } from '../../../../shared/platform-api';
import { deliveryStatusText, errorText, isPaused } from '../../lib/delivery-text';
import { formatTime } from '../../lib/format';
import { useStore } from '../../store';
import { useNow } from '../common/use-now';
import { DeliveryAttempts } from './DeliveryAttempts';
import { cx } from '../../lib/cx';
import styles from './DeliveryTimeline.module.css';
import subsStyles from './Subscriptions.module.css';

const STATUS_CLASS: Record<DeliveryStatus, string | undefined> = {
  pending: styles.deliveryPending,
  retrying: styles.deliveryRetrying,
  succeeded: styles.deliverySucceeded,
  failed: styles.deliveryFailed,
};

function injectionTags(delivery: DeliverySummary): string[] {
  const tags: string[] = [];
  if (delivery.inject.duplicate) tags.push('duplicate');
  if (delivery.inject.corrupt_signature) tags.push('corrupt signature');
  const offset = delivery.inject.timestamp_offset_seconds;
  if (offset) tags.push(offset < 0 ? `stale ${-offset} s` : `future +${offset} s`);
  if (delivery.inject.delay_ms) tags.push(`delay ${delivery.inject.delay_ms} ms`);
  return tags;
}

/** The selected subscription's deliveries, newest first; one open at a time with its attempts. */
export function DeliveryTimeline() {
  const deliveries = useStore((s) => s.deliveries);
  const status = useStore((s) => s.deliveriesStatus);
  const expandedId = useStore((s) => s.expandedDeliveryId);
  const toggle = useStore((s) => s.toggleDelivery);
  const retry = useStore((s) => s.retryDelivery);
  const disabled = useStore((s) => s.selectedSubscription?.status === 'disabled');
  // Tick only while a countdown is on screen.
  const counting = !disabled && deliveries.some((delivery) => delivery.status === 'retrying' && delivery.next_attempt_at);
  const now = useNow(counting);

  return (
    <section className={cx(subsStyles.subsCard, 'subs-timeline')} aria-label="Deliveries" data-testid="delivery-timeline">
      <h3>
        Deliveries <span className="muted">({deliveries.length})</span>
      </h3>
      {status === 'loaded' && deliveries.length === 0 && <p className="note">No deliveries yet. Emit an event above.</p>}
      <ol className={styles.deliveryList}>
        {deliveries.map((delivery) => {
          const open = delivery.id === expandedId;
          const paused = isPaused(delivery, disabled);
          return (
            <li
              key={delivery.id}
              className={cx(styles.delivery, STATUS_CLASS[delivery.status])}
              data-testid="delivery"
              data-delivery-id={delivery.id}
              data-status={delivery.status}
            >
              <div className={styles.deliveryRow}>
                <button
                  type="button"
                  className={styles.deliveryToggle}
                  aria-expanded={open}
                  data-testid="delivery-toggle"
                  onClick={() => void toggle(delivery.id)}
                >
                  <span className={styles.deliveryCaret} aria-hidden>
                    {open ? '▾' : '▸'}
                  </span>
                  <span className={styles.deliveryTime}>{formatTime(delivery.created_at)}</span>
                  <code className="delivery-event">{delivery.event}</code>
                  <span
                    className={`status-pill status-${paused ? 'paused' : delivery.status}`}
                    data-testid="delivery-status"
                    data-paused={paused || undefined}
                  >
                    {deliveryStatusText(delivery, disabled, now)}
                  </span>
                  <span className="muted" data-testid="delivery-attempt-count">
                    {delivery.attempt_count}/{delivery.max_attempts} attempts
                  </span>
                  {delivery.last_status_code !== null && <span className="muted">last {delivery.last_status_code}</span>}
                  {injectionTags(delivery).map((tag) => (
                    <span key={tag} className="tag tag-warn">
                      {tag}
                    </span>
                  ))}
                </button>
                {delivery.status === 'failed' && (
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="retry-delivery"
                    onClick={() => void retry(delivery.id)}
                  >
                    Retry now
                  </button>
                )}
              </div>
              {delivery.status === 'failed' && delivery.last_error && (
                <p className={cx('inline-error', styles.deliveryError)}>{errorText(delivery.last_error)}</p>
              )}
              {open && (
                <>
                  <p className={cx('muted', styles.deliveryIds)}>
                    Delivery <code data-testid="delivery-id">{delivery.id}</code> (X-DcisionAI-Delivery, the same on every attempt) · event{' '}
                    <code>{delivery.event_id}</code>
                  </p>
                  <DeliveryAttempts deliveryId={delivery.id} />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
