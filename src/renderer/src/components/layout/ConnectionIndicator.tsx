import { useStore } from '../../store';
import type { ConnectionStatus } from '../../store/connection-slice';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  unreachable: 'Offline',
  unauthorized: 'Not authorized',
};

export function ConnectionIndicator() {
  const status = useStore((s) => s.connectionStatus);
  return (
    <span className={`connection connection-${status}`} data-testid="connection-status" data-status={status}>
      <span className="connection-dot" aria-hidden />
      {LABELS[status]}
    </span>
  );
}
