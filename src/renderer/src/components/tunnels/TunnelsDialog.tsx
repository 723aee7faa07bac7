import type { ManagedTunnelProvider } from '../../../../shared/api';
import { portOf } from '../../lib/tunnel-text';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import { Modal } from '../common/Modal';
import { InstallHelp } from './InstallHelp';
import { TunnelCard } from './TunnelCard';
import { cx } from '../../lib/cx';
import styles from './Tunnels.module.css';

const STARTABLE: ManagedTunnelProvider[] = ['cloudflared', 'ngrok'];

/**
 * The tunnels, found or started here, and the buttons to start one. A dialog from the top bar
 * rather than a page: the public URL is needed from every page, and the top bar is where it shows.
 */
export function TunnelsDialog({ onClose }: { onClose: () => void }) {
  const tunnels = useStore((s) => s.tunnels);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const starting = useStore((s) => s.tunnelStarting);
  const problem = useStore((s) => s.tunnelProblem);
  const startTunnel = useStore((s) => s.startTunnel);
  const port = portOf(receiverUrl) ?? '4700';
  const running = (provider: ManagedTunnelProvider) =>
    tunnels.some(
      (tunnel) => tunnel.provider === provider && tunnel.managed && (tunnel.status === 'online' || tunnel.status === 'starting'),
    );

  return (
    <Modal title="Tunnels" testId="tunnels-dialog" onClose={onClose}>
      <div className={styles.dialog}>
        {receiverUrl && (
          <div className={cx(styles.url, styles.local)}>
            <span className="muted">Local receiver</span>
            <code data-testid="tunnels-receiver-url">{receiverUrl}</code>
            <CopyButton text={receiverUrl} />
          </div>
        )}
        {tunnels.length === 0 ? (
          <p className="muted" data-testid="tunnels-empty">
            No tunnel is running. A provider on the internet reaches this machine through one: start one here, or start ngrok, cloudflared
            or Tailscale Funnel yourself and Hookscope finds it.
          </p>
        ) : (
          <ul className={styles.list}>
            {tunnels.map((tunnel) => (
              <TunnelCard key={`${tunnel.provider}:${tunnel.managed}:${tunnel.public_url ?? ''}`} tunnel={tunnel} />
            ))}
          </ul>
        )}
        <div className={styles.start}>
          {STARTABLE.map((provider) => (
            <button
              key={provider}
              type="button"
              className="button button-small"
              data-testid={`start-tunnel-${provider}`}
              disabled={starting !== null || running(provider)}
              onClick={() => void startTunnel(provider)}
            >
              {starting === provider && <span className={styles.spinner} aria-hidden data-testid="spinner" />}
              {starting === provider ? `Starting ${provider}…` : `Start ${provider}`}
            </button>
          ))}
          {starting && <span className="muted">Waiting for the public URL (up to 30 s)</span>}
        </div>
        <p className={cx('muted', styles.hint)}>
          cloudflared: free quick tunnel, no account, a new URL at every start. ngrok: needs your authtoken (
          <code>ngrok config add-authtoken …</code>). Tailscale Funnel: run <code>tailscale funnel {port}</code>; Hookscope finds it.
        </p>
        {problem && (
          <div className={styles.problem} role="alert" data-testid="tunnel-problem">
            {/* With install help below, the message's first sentence (what is missing) is enough. */}
            <p className="text-bad">
              Could not start {problem.provider}: {problem.install ? problem.message.split(/(?<=\.)\s/)[0] : problem.message}
            </p>
            {problem.install && <InstallHelp help={problem.install} />}
          </div>
        )}
      </div>
    </Modal>
  );
}
