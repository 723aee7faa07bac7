import type { WebhookSubscription } from '../../../../shared/platform-api';
import { formatDateTime } from '../../lib/format';
import { useStore } from '../../store';
import { DeliveryTimeline } from './DeliveryTimeline';
import { EmitPanel } from './EmitPanel';
import { SecretReveal } from '../common/SecretReveal';
import { StoredInjectionPanel } from './StoredInjectionPanel';
import { StatsCards } from './StatsCards';
import { StatsChart } from './StatsChart';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

export function SubscriptionDetail({ subscription }: { subscription: WebhookSubscription }) {
  const openForm = useStore((s) => s.openSubscriptionForm);
  const setStatus = useStore((s) => s.setSubscriptionStatus);
  const remove = useStore((s) => s.deleteSubscription);
  const active = subscription.status === 'active';

  const confirmDelete = () => {
    if (window.confirm(`Delete subscription “${subscription.name}”? Its delivery log goes with it.`)) void remove(subscription.id);
  };

  return (
    <div className={styles.subsDetail} data-testid="subscription-detail" data-subscription-id={subscription.id}>
      <header className={styles.subsHeader}>
        <div className={styles.subsTitle}>
          <h2>
            {subscription.name}{' '}
            <span className={`status-pill status-${subscription.status}`} data-testid="subscription-status-pill">
              {subscription.status}
            </span>
          </h2>
          <code className={styles.subsHeaderUrl} data-testid="subscription-detail-url">
            POST {subscription.url}
          </code>
          {subscription.description && <p className="note">{subscription.description}</p>}
        </div>
        <div className={styles.subsActions}>
          <button type="button" className="button" data-testid="edit-subscription" onClick={() => openForm('edit')}>
            Edit
          </button>
          <button
            type="button"
            className="button"
            data-testid="toggle-subscription"
            onClick={() => void setStatus(subscription.id, active ? 'disabled' : 'active')}
          >
            {active ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="button button-danger" data-testid="delete-subscription" onClick={confirmDelete}>
            Delete
          </button>
        </div>
      </header>

      <dl className="kv">
        <div className="kv-row">
          <dt>Id</dt>
          <dd>
            <code>{subscription.id}</code>
          </dd>
        </div>
        <div className="kv-row">
          <dt>Secret</dt>
          <dd>
            <SecretReveal secret={subscription.secret} testId="subscription-secret-value" />
          </dd>
        </div>
        <div className="kv-row">
          <dt>Events</dt>
          <dd className={styles.subsChips}>
            {subscription.events.map((event) => (
              <code key={event} className={styles.chip}>
                {event}
              </code>
            ))}
          </dd>
        </div>
        <div className="kv-row">
          <dt>Created</dt>
          <dd>
            {formatDateTime(subscription.created_at)}
            {subscription.last_delivery_at ? ` · last delivery ${formatDateTime(subscription.last_delivery_at)}` : ' · no deliveries yet'}
          </dd>
        </div>
      </dl>

      <div className={styles.subsMonitoring}>
        <div className={styles.subsColumn}>
          <section className={cx(styles.subsCard, 'subs-stats-card')} aria-label="Last 24 hours">
            <h3>Last 24 hours</h3>
            <StatsCards />
            <StatsChart />
          </section>
          <DeliveryTimeline />
        </div>
        <div className={styles.subsColumn}>
          <EmitPanel key={subscription.id} subscription={subscription} />
          <StoredInjectionPanel key={`inject-${subscription.id}`} subscriptionId={subscription.id} />
        </div>
      </div>
    </div>
  );
}
