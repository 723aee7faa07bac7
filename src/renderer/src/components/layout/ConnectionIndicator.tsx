import { useStore } from '../../store';
import type { ConnectionStatus } from '../../store/connection-slice';
import { cx } from '../../lib/cx';
import styles from './ConnectionIndicator.module.css';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  unreachable: 'Offline',
  unauthorized: 'Not authorized',
};

export function ConnectionIndicator() {
  const status = useStore((s) => s.connectionStatus);
  return (
    <span className={cx(styles.connection, styles[status])} data-testid="connection-status" data-status={status}>
      <span className={styles.dot} aria-hidden />
      {LABELS[status]}
    </span>
  );
}
