import { withScheme } from './addresses';
import { fetchJson, isRecord } from './fetch-json';
import type { SeenTunnel } from './types';

export const DEFAULT_NGROK_API = 'http://127.0.0.1:4040';

/**
 * The tunnels a running ngrok agent serves, from its local agent API: `GET /api/tunnels` answers
 * `{"tunnels": [{"name", "public_url", "proto", "config": {"addr", ...}}], "uri"}` (ngrok agent
 * API docs, "List Tunnels": https://ngrok.com/docs/agent/api/). No agent listening: no tunnels.
 */
export async function detectNgrok(apiBase: string, timeoutMs = 1000): Promise<SeenTunnel[]> {
  let document: unknown;
  try {
    document = await fetchJson(`${withScheme(apiBase)}/api/tunnels`, timeoutMs);
  } catch {
    return [];
  }
  return ngrokTunnelsOf(document);
}

export function ngrokTunnelsOf(document: unknown): SeenTunnel[] {
  const tunnels = isRecord(document) && Array.isArray(document.tunnels) ? document.tunnels : [];
  const seen: SeenTunnel[] = [];
  for (const tunnel of tunnels) {
    if (!isRecord(tunnel) || typeof tunnel.public_url !== 'string') continue;
    // Only HTTP(S) tunnels carry webhooks; a tcp:// one is listed by ngrok but cannot receive them.
    if (!/^https?:\/\//i.test(tunnel.public_url)) continue;
    const config = isRecord(tunnel.config) ? tunnel.config : {};
    const addr = typeof config.addr === 'string' ? config.addr : null;
    seen.push({ provider: 'ngrok', public_url: tunnel.public_url, target_url: addr, status: 'online', error: null });
  }
  return seen;
}
