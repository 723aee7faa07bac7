import { formatMs } from '../../lib/format';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

/** The guide's getDeliveryStats figures, each attempt counted as one tracked delivery. */
export function StatsCards() {
  const stats = useStore((s) => s.subscriptionStats);
  const figures: Array<{ key: string; label: string; value: string; tone?: string }> = [
    { key: 'total', label: 'Attempts', value: stats ? String(stats.total) : '—' },
    { key: 'successful', label: 'Successful', value: stats ? String(stats.successful) : '—', tone: 'good' },
    { key: 'failed', label: 'Failed', value: stats ? String(stats.failed) : '—', tone: stats && stats.failed > 0 ? 'bad' : undefined },
    { key: 'successRate', label: 'Success rate', value: stats ? `${stats.successRate}%` : '—' },
    { key: 'averageResponseTime', label: 'Avg response', value: stats ? formatMs(stats.averageResponseTime) : '—' },
  ];
  return (
    <dl className={styles.subsStats} data-testid="subscription-stats">
      {figures.map((figure) => (
        <div
          key={figure.key}
          className={cx(styles.subsStat, figure.tone === 'good' && styles.subsStatGood, figure.tone === 'bad' && styles.subsStatBad)}
        >
          <dt>{figure.label}</dt>
          <dd data-testid={`stat-${figure.key}`}>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
