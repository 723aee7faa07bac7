import { fetchJson, isRecord } from './fetch-json';
import type { SeenTunnel } from './types';

/** `127.0.0.1:20241` or a full URL: the base of a cloudflared metrics server. */
export function metricsBase(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}

/**
 * The quick tunnel's public hostname from cloudflared's metrics server: `GET /quicktunnel` answers
 * `{"hostname": "<name>.trycloudflare.com"}` (cloudflared docs, "Tunnel metrics" / the metrics
 * server's /quicktunnel endpoint); "" or no answer when there is none.
 */
export async function quickTunnelUrl(address: string, timeoutMs = 1000): Promise<string | null> {
  const document = await fetchJson(`${metricsBase(address)}/quicktunnel`, timeoutMs);
  const hostname = isRecord(document) && typeof document.hostname === 'string' ? document.hostname.trim() : '';
  return hostname === '' ? null : `https://${hostname}`;
}

/**
 * A cloudflared the user started with `--metrics`: its quick tunnel, when it has one. The metrics
 * server does not say where the tunnel forwards, so the target is unknown (the self-check tells
 * whether it reaches this receiver).
 */
export async function detectCloudflared(address: string, timeoutMs = 1000): Promise<SeenTunnel[]> {
  try {
    const url = await quickTunnelUrl(address, timeoutMs);
    return url === null ? [] : [{ provider: 'cloudflared', public_url: url, target_url: null, status: 'online', error: null }];
  } catch {
    return [];
  }
}
