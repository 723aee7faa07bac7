import type { Endpoint } from '../../../../shared/api';
import { dashboardUrl, hereTunnel, providerName } from '../../lib/tunnel-text';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import styles from './Tunnels.module.css';

/** The URL to paste into the provider's dashboard for this endpoint, while a tunnel forwards here. */
export function EndpointPublicUrl({ endpoint }: { endpoint: Endpoint }) {
  const here = useStore((s) => hereTunnel(s.tunnels));
  if (!here?.public_url) return null;
  const url = dashboardUrl(here.public_url, endpoint.path);
  return (
    <div className={styles.endpointPublicUrl} data-testid="endpoint-public-url">
      <span className="muted">Webhook URL for the provider's dashboard (via {providerName(here.provider)})</span>
      <div className={styles.url}>
        <code data-testid="endpoint-public-url-value">{url}</code>
        <CopyButton text={url} testId="endpoint-public-url-copy" />
      </div>
    </div>
  );
}
