import { useStore } from '../../store';
import { elsewhereWarning, hereTunnel, providerName, shortUrl } from '../../lib/tunnel-text';
import { CopyButton } from '../common/CopyButton';
import { TunnelsDialog } from './TunnelsDialog';
import '../../styles/tunnels.css';

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
          className="receiver-pill receiver-pill-public"
          data-testid="topbar-public"
          title={`${here.public_url}\nSenders call this ${providerName(here.provider)} URL; it forwards to the receiver at ${receiverUrl ?? 'this machine'}.`}
        >
          <span className="receiver-label">Public</span>
          <code data-testid="topbar-public-url" data-url={here.public_url}>
            {shortUrl(here.public_url)}
          </code>
          <CopyButton text={here.public_url} testId="topbar-public-url-copy" />
        </div>
      ) : (
        receiverUrl && (
          <div className="receiver-pill" title="Point your webhooks here">
            <span className="receiver-label">Receiver</span>
            <code data-testid="topbar-receiver-url">{receiverUrl}</code>
            <CopyButton text={receiverUrl} />
          </div>
        )
      )}
      <button
        type="button"
        className={`button button-small tunnel-button${amiss ? ' tunnel-button-warn' : ''}`}
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
        {starting ? <span className="spinner" aria-hidden /> : <span aria-hidden>{amiss ? '⚠' : '⇄'}</span>}
        <span className="tunnel-button-text">Tunnel</span>
      </button>
      {open && <TunnelsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
