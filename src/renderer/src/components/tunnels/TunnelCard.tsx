import type { Tunnel } from '../../../../shared/api';
import { formatAge } from '../../lib/relative-time';
import { elsewhereWarning, providerName } from '../../lib/tunnel-text';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import { cx } from '../../lib/cx';
import styles from './Tunnels.module.css';

const STATUS_TONE: Record<Tunnel['status'], string> = {
  online: 'status-active',
  starting: 'status-pending',
  offline: '',
  error: 'status-failed',
};

function ListenerLine({ tunnel }: { tunnel: Tunnel }) {
  const { status, error, checked_at: checkedAt } = tunnel.listener;
  const when = checkedAt ? ` (checked ${formatAge(checkedAt)})` : '';
  if (status === 'ok') return <span className="text-good">Reaches Hookscope{when}</span>;
  if (status === 'unreachable')
    return (
      <span className="text-bad">
        Hookscope is unreachable through it{error ? `: ${error}` : ''}
        {when}
      </span>
    );
  return <span className="muted">Not checked yet</span>;
}

/** One tunnel in the dialog: where it forwards, whether it reaches Hookscope, its last output. */
export function TunnelCard({ tunnel }: { tunnel: Tunnel }) {
  const receiverUrl = useStore((s) => s.receiverUrl);
  const stopTunnel = useStore((s) => s.stopTunnel);
  const stopping = useStore((s) => s.tunnelStopping === tunnel.provider);
  const warning = elsewhereWarning(tunnel, receiverUrl);

  return (
    <li className={styles.card} data-testid="tunnel-card" data-provider={tunnel.provider} data-status={tunnel.status}>
      <div className={styles.cardHead}>
        <strong>{providerName(tunnel.provider)}</strong>
        <span className={`status-pill ${STATUS_TONE[tunnel.status]}`}>{tunnel.status}</span>
        <span className="muted">{tunnel.managed ? 'started by Hookscope' : 'found running'}</span>
        {tunnel.managed && (
          <button
            type="button"
            className={cx('button button-small', styles.stop)}
            data-testid={`stop-tunnel-${tunnel.provider}`}
            disabled={stopping}
            onClick={() => void stopTunnel(tunnel.provider)}
          >
            {stopping ? 'Stopping…' : tunnel.status === 'online' || tunnel.status === 'starting' ? 'Stop' : 'Remove'}
          </button>
        )}
      </div>
      {tunnel.public_url && (
        <div className={styles.url}>
          <code data-testid="tunnel-public-url">{tunnel.public_url}</code>
          <CopyButton text={tunnel.public_url} />
        </div>
      )}
      <dl className={cx('kv', styles.facts)}>
        <div className="kv-row">
          <dt>Forwards to</dt>
          <dd>
            {tunnel.target_url
              ? `${tunnel.target_url}${tunnel.points_here ? ' (Hookscope)' : ''}`
              : tunnel.points_here
                ? 'Hookscope (the self-check reached it)'
                : 'not reported'}
          </dd>
        </div>
        {/* A tunnel without a reported target (cloudflared's metrics) is judged by the self-check alone. */}
        {(tunnel.points_here || tunnel.target_url === null) && tunnel.status === 'online' && (
          <div className="kv-row">
            <dt>Listener</dt>
            <dd data-testid="tunnel-listener" data-listener={tunnel.listener.status}>
              <ListenerLine tunnel={tunnel} />
            </dd>
          </div>
        )}
        {tunnel.previous_public_url && tunnel.previous_public_url !== tunnel.public_url && (
          <div className="kv-row">
            <dt>Previous URL</dt>
            <dd className="text-warn">{tunnel.previous_public_url} — update the provider's dashboard</dd>
          </div>
        )}
      </dl>
      {warning && (
        <p className="text-warn" data-testid="tunnel-elsewhere">
          ⚠ {warning}: webhooks sent to {tunnel.public_url} do not reach Hookscope.
        </p>
      )}
      {tunnel.error && <p className="text-bad">{tunnel.error}</p>}
      {tunnel.output.length > 0 && (
        <details className={styles.output}>
          <summary>Last output ({tunnel.output.length} lines)</summary>
          <pre data-testid="tunnel-output">{tunnel.output.join('\n')}</pre>
        </details>
      )}
    </li>
  );
}
