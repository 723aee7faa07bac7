import { elsewhereWarning, hereTunnel, tunnelNotes, type TunnelNote } from '../../lib/tunnel-text';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from '../layout/Notices.module.css';

/**
 * Says when webhooks may not arrive although Hookscope runs: the tunnel does not reach the
 * receiver, forwards to another port, or got a new URL the provider does not know yet.
 */
export function TunnelBanner() {
  const tunnels = useStore((s) => s.tunnels);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const dismissed = useStore((s) => s.dismissedTunnelNotes);
  const dismiss = useStore((s) => s.dismissTunnelNote);
  const openDialog = useStore((s) => s.setTunnelsDialogOpen);

  const notes: TunnelNote[] = tunnelNotes(tunnels);
  // A tunnel to another port only matters while none reaches Hookscope: the user may run both.
  if (hereTunnel(tunnels) === null) {
    for (const tunnel of tunnels) {
      const text = elsewhereWarning(tunnel, receiverUrl);
      if (text)
        notes.push({
          key: `elsewhere:${tunnel.public_url ?? ''}:${tunnel.target_url ?? ''}`,
          kind: 'elsewhere',
          text: `${text}: webhooks sent to ${tunnel.public_url} do not reach Hookscope.`,
        });
    }
  }
  const shown = notes.filter((note) => !dismissed.includes(note.key));
  if (shown.length === 0) return null;
  return (
    <div>
      {shown.map((note) => (
        <div
          key={note.key}
          className={cx(styles.banner, styles.bannerWarn)}
          role="status"
          data-testid="tunnel-banner"
          data-kind={note.kind}
        >
          <span className={styles.bannerText}>{note.text}</span>
          <button type="button" className="button button-small" onClick={() => openDialog(true)}>
            Tunnels
          </button>
          <button
            type="button"
            className={styles.close}
            aria-label="Dismiss"
            data-testid="tunnel-banner-dismiss"
            onClick={() => dismiss(note.key)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
