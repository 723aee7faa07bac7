import type { TunnelOptions } from './types';

/**
 * A local agent's address as the user gives it (`--ngrok-api`, `--cloudflared-metrics` or their
 * environment variables): `http://127.0.0.1:4040`, or just `127.0.0.1:4040`. Returns the base URL
 * without a trailing slash; throws an Error naming the flag and what is expected.
 */
export function agentAddress(name: string, value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL | null = null;
  try {
    url = new URL(withScheme);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || trimmed === '') {
    throw new Error(`${name} must be an http URL or host:port such as http://127.0.0.1:4040; got ${JSON.stringify(value)}.`);
  }
  return withScheme;
}

/**
 * The tunnel options with the agent addresses the environment gives where no flag gave them (the
 * desktop app has only these). Throws, naming the variable, for a malformed one: called before
 * the engine opens anything, so a bad value stops the start cleanly.
 */
export function withAgentAddressesFromEnv(options: TunnelOptions = {}): TunnelOptions {
  const env = options.env ?? process.env;
  const ngrok = env.HOOKSCOPE_NGROK_API?.trim();
  const cloudflared = env.HOOKSCOPE_CLOUDFLARED_METRICS?.trim();
  return {
    ...(ngrok ? { ngrokApi: agentAddress('HOOKSCOPE_NGROK_API', ngrok) } : {}),
    ...(cloudflared ? { cloudflaredMetrics: agentAddress('HOOKSCOPE_CLOUDFLARED_METRICS', cloudflared) } : {}),
    ...options,
  };
}
