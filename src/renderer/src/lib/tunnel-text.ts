import type { Tunnel, TunnelProvider } from '../../../shared/api';

const PROVIDER_NAMES: Record<TunnelProvider, string> = { cloudflared: 'cloudflared', ngrok: 'ngrok', tailscale: 'Tailscale Funnel' };

export function providerName(provider: TunnelProvider): string {
  return PROVIDER_NAMES[provider];
}

/** The tunnel senders reach Hookscope through: online, forwarding here, its URL known. */
export function hereTunnel(tunnels: readonly Tunnel[]): Tunnel | null {
  return tunnels.find((tunnel) => tunnel.status === 'online' && tunnel.points_here && tunnel.public_url !== null) ?? null;
}

function loopbackName(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Where a tunnel forwards to, as briefly as it can be said: `:3000` for a local port (the case
 * that matters: the wrong local server), `host:port` otherwise; the raw text when it is no URL.
 */
export function targetLabel(target: string): string {
  const trimmed = target.trim();
  if (/^\d+$/.test(trimmed)) return `:${trimmed}`;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return trimmed;
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return loopbackName(url.hostname) ? `:${port}` : `${url.hostname}:${port}`;
}

export function portOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).port || null;
  } catch {
    return null;
  }
}

/** "ngrok forwards to :3000, not to Hookscope's :4700": for a tunnel whose reported target is another server. */
export function elsewhereWarning(tunnel: Tunnel, receiverUrl: string | null): string | null {
  if (tunnel.points_here || tunnel.target_url === null || tunnel.status !== 'online') return null;
  const port = portOf(receiverUrl);
  return `${providerName(tunnel.provider)} forwards to ${targetLabel(tunnel.target_url)}, not to Hookscope's ${port ? `:${port}` : 'receiver'}`;
}

/** A URL as short as the top bar can show it: an https URL without its scheme (the Copy button copies all of it). */
export function shortUrl(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The URL to paste into a provider's dashboard for an endpoint: the public URL plus the endpoint's path. */
export function dashboardUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export interface TunnelNote {
  /** Stable while the condition is the same one, so a dismissed note stays dismissed. */
  key: string;
  kind: 'unreachable' | 'url-changed' | 'elsewhere';
  text: string;
}

/** What the banner says about the tunnels: a listener the tunnel does not reach, a quick tunnel's new URL. */
export function tunnelNotes(tunnels: readonly Tunnel[]): TunnelNote[] {
  const notes: TunnelNote[] = [];
  for (const tunnel of tunnels) {
    if (tunnel.status !== 'online' || tunnel.public_url === null) continue;
    const name = providerName(tunnel.provider);
    if (tunnel.listener.status === 'unreachable') {
      notes.push({
        key: `unreachable:${tunnel.public_url}`,
        kind: 'unreachable',
        text: `Hookscope is unreachable through ${name}'s ${tunnel.public_url}${tunnel.listener.error ? `: ${tunnel.listener.error.replace(/\.+$/, '')}` : ''}. Senders calling it do not get here.`,
      });
    }
    if (tunnel.previous_public_url !== null && tunnel.previous_public_url !== tunnel.public_url) {
      notes.push({
        key: `url-changed:${tunnel.public_url}`,
        kind: 'url-changed',
        text: `${name}'s public URL is now ${tunnel.public_url}: the provider may still point at ${tunnel.previous_public_url}. Update the webhook URL in its dashboard.`,
      });
    }
  }
  return notes;
}
