import { withScheme } from './addresses';

/** Loopback spellings: which tunnel targets and Host headers mean "this machine". */

/** The host part of `host`, `host:port`, `[v6]` or `[v6]:port`, lower-cased, without brackets. */
export function hostnameOf(authority: string): string {
  const trimmed = authority.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']') < 0 ? undefined : trimmed.indexOf(']'));
  // A bare IPv6 address has several colons and no port.
  if ((trimmed.match(/:/g) ?? []).length > 1) return trimmed;
  const colon = trimmed.indexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

/** 127.0.0.0/8, localhost (and *.localhost), ::1 and the wildcard 0.0.0.0 / :: that tunnels accept as "local". */
export function isLoopbackHost(host: string): boolean {
  const name = hostnameOf(host);
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '::1' ||
    name === '0:0:0:0:0:0:0:1' ||
    name === '0.0.0.0' ||
    name === '::' ||
    name === ''
  );
}

/**
 * Host and port of a tunnel target as providers write it: a bare port (`4700`), `host:port`, or a
 * URL (`http://localhost:4700`, `https://[::1]:4700`); null when it names no port.
 */
export function parseTarget(target: string): { host: string; port: number } | null {
  const text = target.trim();
  if (/^\d{1,5}$/.test(text)) return { host: 'localhost', port: Number(text) };
  let url: URL;
  try {
    url = new URL(withScheme(text));
  } catch {
    return null;
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : NaN) : Number(url.port);
  return Number.isFinite(port) ? { host: url.hostname, port } : null;
}

/**
 * The address a tunnel on this machine reaches the receiver at: the address it is bound to, or
 * 127.0.0.1 when that is a wildcard (0.0.0.0, ::) that loopback reaches too.
 */
export function reachableHost(bindAddress: string): string {
  const host = hostnameOf(bindAddress);
  return host === '' || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** A host as the authority of a URL (an IPv6 address in brackets). */
export const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The target is the receiver's port on a loopback address (any spelling), or on the address the
 * receiver is bound to (HOOKSCOPE_RECEIVER_HOST=192.168.1.5).
 */
export function targetsPort(target: string | null, port: number, bindAddress = '127.0.0.1'): boolean {
  if (target === null) return false;
  const parsed = parseTarget(target);
  if (parsed === null || parsed.port !== port) return false;
  return isLoopbackHost(parsed.host) || hostnameOf(parsed.host) === reachableHost(bindAddress);
}
