import { useEffect } from 'react';
import { useStore } from '../../store';
import { RetrySettingsPanel } from './RetrySettingsPanel';
import { SubscriptionDetail } from './SubscriptionDetail';
import { SubscriptionForm } from './SubscriptionForm';
import { SubscriptionList } from './SubscriptionList';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

/** The platform simulator: subscriptions, their deliveries and statistics, retry settings. */
export function SubscriptionsPage() {
  const openPage = useStore((s) => s.openSubscriptionsPage);
  const mode = useStore((s) => s.subscriptionFormMode);
  const selected = useStore((s) => s.selectedSubscription);
  const selectedId = useStore((s) => s.selectedSubscriptionId);
  const status = useStore((s) => s.subscriptionsStatus);
  const error = useStore((s) => s.subscriptionsError);

  useEffect(() => {
    void openPage();
  }, [openPage]);

  let main;
  if (mode === 'new') main = <SubscriptionForm key="new" subscription={null} />;
  else if (selected && mode === 'edit') main = <SubscriptionForm key={`edit:${selected.id}`} subscription={selected} />;
  else if (selected) main = <SubscriptionDetail subscription={selected} />;
  else if (selectedId !== null) main = <div className="page-message">Loading…</div>;
  else
    main = (
      <div className="page-message" data-testid="subscriptions-empty">
        No subscription selected. Create one to have Hookscope deliver events to your app the way the platform does: signed, queued, retried
        with backoff.
      </div>
    );

  return (
    <div className={styles.subscriptionsPage} data-testid="subscriptions-page">
      <section className={styles.subsSide} aria-label="Subscriptions">
        <SubscriptionList />
        {status === 'error' && <p className={cx('inline-error', styles.subsPad)}>Could not load subscriptions: {error}</p>}
        <RetrySettingsPanel />
      </section>
      <section className={styles.subsMain} aria-label="Subscription">
        {main}
      </section>
    </div>
  );
}
