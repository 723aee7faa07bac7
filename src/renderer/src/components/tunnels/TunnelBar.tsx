import { useStore } from '../../store';
import { elsewhereWarning, hereTunnel, providerName, shortUrl } from '../../lib/tunnel-text';
import { CopyButton } from '../common/CopyButton';
import { TunnelsDialog } from './TunnelsDialog';
import { cx } from '../../lib/cx';
import styles from './Tunnels.module.css';

/**
 * The top bar's address: the public URL when a tunnel forwards here (what senders call), else the
 * local receiver URL; and the button that opens the tunnels dialog, amber when a tunnel is amiss.
 */
export function TunnelBar() {
  const receiverUrl = useStore((s) => s.receiverUrl);
  const tunnels = useStore((s) => s.tunnels);
  const starting = useStore((s) => s.tunnelStarting);
  const open = useStore((s) => s.tunnelsDialogOpen);
  const setOpen = useStore((s) => s.setTunnelsDialogOpen);
  const here = hereTunnel(tunnels);
  const warnings = tunnels.map((tunnel) => elsewhereWarning(tunnel, receiverUrl)).filter((text): text is string => text !== null);
  const unreachable = here?.listener.status === 'unreachable';
  const amiss = (here === null && warnings.length > 0) || unreachable;

  return (
    <>
      {here?.public_url ? (
        <div
          className={cx(styles.pill, styles.pillPublic)}
          data-testid="topbar-public"
          title={`${here.public_url}\nSenders call this ${providerName(here.provider)} URL; it forwards to the receiver at ${receiverUrl ?? 'this machine'}.`}
        >
          <span className={styles.pillLabel}>Public</span>
          <code data-testid="topbar-public-url" data-url={here.public_url}>
            {shortUrl(here.public_url)}
          </code>
          <CopyButton text={here.public_url} testId="topbar-public-url-copy" />
        </div>
      ) : (
        receiverUrl && (
          <div className={styles.pill} title="Point your webhooks here" data-testid="topbar-receiver">
            <span className={styles.pillLabel}>Receiver</span>
            <code data-testid="topbar-receiver-url">{receiverUrl}</code>
            <CopyButton text={receiverUrl} />
          </div>
        )
      )}
      <button
        type="button"
        className={cx('button button-small', styles.tunnelButton, amiss && styles.tunnelButtonWarn)}
        data-testid="open-tunnels"
        aria-haspopup="dialog"
        aria-label="Tunnels"
        title={
          amiss
            ? [...warnings, unreachable ? 'The receiver is unreachable through the tunnel.' : ''].filter(Boolean).join('\n')
            : 'Tunnels: the public URL providers call'
        }
        onClick={() => setOpen(true)}
      >
        {starting ? <span className={styles.spinner} aria-hidden data-testid="spinner" /> : <span aria-hidden>{amiss ? '⚠' : '⇄'}</span>}
        <span className={styles.tunnelButtonText}>Tunnel</span>
      </button>
      {open && <TunnelsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
