import type { TunnelOptions } from './types';

/** A URL scheme at the start (`http://`, `https://`, `ws://`...). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * An address as users and agents write it (`127.0.0.1:4040`, `http://127.0.0.1:4040/`) as a URL
 * base: trimmed, without trailing slashes, with `http://` when it names no scheme.
 */
export function withScheme(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  return HAS_SCHEME.test(trimmed) ? trimmed : `http://${trimmed}`;
}

/**
 * A local agent's address as the user gives it (`--ngrok-api`, `--cloudflared-metrics` or their
 * environment variables): `http://127.0.0.1:4040`, or just `127.0.0.1:4040`. Returns the base URL
 * without a trailing slash; throws an Error naming the flag and what is expected.
 */
export function agentAddress(name: string, value: string): string {
  const base = withScheme(value);
  let url: URL | null = null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || base === 'http://') {
    throw new Error(`${name} must be an http URL or host:port such as http://127.0.0.1:4040; got ${JSON.stringify(value)}.`);
  }
  return base;
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
