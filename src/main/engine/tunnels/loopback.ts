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
    name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '::1' || name === '0:0:0:0:0:0:0:1' || name === '0.0.0.0' || name === '::' || name === ''
  );
}

/**
 * Host and port of a tunnel target as providers write it: a bare port (`4700`), `host:port`, or a
 * URL (`http://localhost:4700`, `https://[::1]:4700`); null when it names no port.
 */
export function parseTarget(target: string): { host: string; port: number } | null {
  const text = target.trim();
  if (/^\d{1,5}$/.test(text)) return { host: 'localhost', port: Number(text) };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : NaN) : Number(url.port);
  return Number.isFinite(port) ? { host: url.hostname, port } : null;
}

/** The target is the receiver's port on a loopback address (any spelling). */
export function targetsPort(target: string | null, port: number): boolean {
  if (target === null) return false;
  const parsed = parseTarget(target);
  return parsed !== null && parsed.port === port && isLoopbackHost(parsed.host);
}
