import { useStore } from '../../store';
import { formatDateTime } from '../../lib/format';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';
import endpointStyles from '../endpoints/Endpoints.module.css';

export function SubscriptionList() {
  const subscriptions = useStore((s) => s.subscriptions);
  const selectedId = useStore((s) => s.selectedSubscriptionId);
  const mode = useStore((s) => s.subscriptionFormMode);
  const select = useStore((s) => s.selectSubscription);
  const openForm = useStore((s) => s.openSubscriptionForm);

  return (
    <div className={styles.subsList}>
      <div className="list-toolbar">
        <span className="list-count">
          {subscriptions.length} {subscriptions.length === 1 ? 'subscription' : 'subscriptions'}
        </span>
        <button type="button" className="button button-small button-primary" data-testid="new-subscription" onClick={() => openForm('new')}>
          New subscription
        </button>
      </div>
      <ul>
        {subscriptions.map((subscription) => (
          <li key={subscription.id}>
            <button
              type="button"
              className={cx(
                endpointStyles.endpointItem,
                selectedId === subscription.id && mode !== 'new' && endpointStyles.endpointItemActive,
              )}
              data-testid="subscription-item"
              data-subscription-id={subscription.id}
              data-status={subscription.status}
              onClick={() => void select(subscription.id)}
            >
              <span className={endpointStyles.endpointName}>
                {subscription.name}
                {subscription.status === 'disabled' && <span className={cx('tag', styles.tagMuted)}>disabled</span>}
              </span>
              <span className={cx(endpointStyles.endpointMeta, styles.subsUrl)} title={subscription.url}>
                {subscription.url}
              </span>
              <span className={endpointStyles.endpointMeta}>
                {subscription.events.length} {subscription.events.length === 1 ? 'event' : 'events'} ·{' '}
                {subscription.last_delivery_at ? `last delivery ${formatDateTime(subscription.last_delivery_at)}` : 'no deliveries yet'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
