import { execFile } from 'node:child_process';
import { isRecord } from './fetch-json';
import { findBinary } from './find-binary';
import type { SeenTunnel } from './types';

/**
 * The Funnel routes of this machine's Tailscale, from `tailscale funnel status --json`: a
 * ServeConfig (tailscale's ipn/serve.go) whose `Web` maps "<name>.ts.net:<port>" to
 * `{"Handlers": {"<mount path>": {"Proxy": "http://127.0.0.1:4700"}}}`, and whose `AllowFunnel`
 * marks which of those host:ports are public (the others are Serve, tailnet-only). No `tailscale`
 * on PATH, or no Funnel: no tunnels.
 */
export async function detectTailscale(env: NodeJS.ProcessEnv, timeoutMs = 1500): Promise<SeenTunnel[]> {
  const binary = findBinary('tailscale', env);
  if (binary === null) return [];
  const output = await new Promise<string | null>((resolve) => {
    execFile(binary, ['funnel', 'status', '--json'], { timeout: timeoutMs, env, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
  if (output === null) return [];
  try {
    return funnelTunnelsOf(JSON.parse(output) as unknown);
  } catch {
    return [];
  }
}

export function funnelTunnelsOf(config: unknown): SeenTunnel[] {
  if (!isRecord(config) || !isRecord(config.Web)) return [];
  const allowed = isRecord(config.AllowFunnel) ? config.AllowFunnel : {};
  const seen: SeenTunnel[] = [];
  for (const [hostPort, web] of Object.entries(config.Web)) {
    if (allowed[hostPort] !== true || !isRecord(web) || !isRecord(web.Handlers)) continue;
    const origin = `https://${hostPort.endsWith(':443') ? hostPort.slice(0, -4) : hostPort}`;
    for (const [mount, handler] of Object.entries(web.Handlers)) {
      if (!isRecord(handler) || typeof handler.Proxy !== 'string') continue;
      seen.push({
        provider: 'tailscale',
        public_url: origin + (mount === '/' ? '' : mount.replace(/\/$/, '')),
        target_url: handler.Proxy,
        status: 'online',
        error: null,
      });
    }
  }
  return seen;
}
