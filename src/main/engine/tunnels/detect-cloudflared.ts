import { withScheme } from './addresses';
import { fetchJson, isRecord } from './fetch-json';
import type { SeenTunnel } from './types';

/**
 * Where cloudflared serves its metrics when not told (`--metrics`): the first free port of
 * 127.0.0.1:20241-20245 (Cloudflare's docs, "Tunnel metrics":
 * https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/monitor-tunnels/metrics).
 */
export const DEFAULT_METRICS_ADDRESSES = [20241, 20242, 20243, 20244, 20245].map((port) => `127.0.0.1:${port}`);

/**
 * The quick tunnel's public hostname from cloudflared's metrics server, which besides /metrics
 * serves `GET /quicktunnel` → `{"hostname": "<name>.trycloudflare.com"}` (cloudflared's
 * metrics server, as its own component tests read it); "" for a named tunnel.
 */
export async function quickTunnelUrl(address: string, timeoutMs = 1000): Promise<string | null> {
  const document = await fetchJson(`${withScheme(address)}/quicktunnel`, timeoutMs);
  const hostname = isRecord(document) && typeof document.hostname === 'string' ? document.hostname.trim() : '';
  return hostname === '' ? null : `https://${hostname}`;
}

/**
 * A cloudflared the user started with `--metrics`: its quick tunnel, when it has one. The metrics
 * server does not say where the tunnel forwards, so the target is unknown (the self-check tells
 * whether it reaches this receiver).
 */
export async function detectCloudflared(addresses: readonly string[], timeoutMs = 1000): Promise<SeenTunnel[]> {
  const urls = await Promise.all(addresses.map((address) => quickTunnelUrl(address, timeoutMs).catch(() => null)));
  return [...new Set(urls)].flatMap((url) =>
    url === null ? [] : [{ provider: 'cloudflared' as const, public_url: url, target_url: null, status: 'online' as const, error: null }],
  );
}
