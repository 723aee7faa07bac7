import type { Endpoint } from './api';

/**
 * Which endpoint receives a path: the receiver's routing rule, also used by the UI to say where a
 * URL lands. A prefix matches on a segment boundary ('/hooks' matches '/hooks/a', not '/hooksx');
 * a trailing '/' on the prefix is ignored, so '/a/' matches '/a'.
 */
export function pathHasPrefix(path: string, prefix: string): boolean {
  if (prefix === '/') return true;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/** The endpoint with the longest matching path prefix; the catch-all `/` matches everything. */
export function matchEndpoint<T extends Pick<Endpoint, 'path'>>(endpoints: readonly T[], path: string): T | null {
  let best: T | null = null;
  for (const endpoint of endpoints) {
    if (!pathHasPrefix(path, endpoint.path)) continue;
    if (!best || endpoint.path.length > best.path.length) best = endpoint;
  }
  return best;
}

/**
 * The endpoint that receives `url` when it points at this app's own receiver; null for any other
 * URL (or before the receiver URL is known).
 */
export function ownReceiverEndpoint<T extends Pick<Endpoint, 'path'>>(
  endpoints: readonly T[],
  receiverUrl: string | null,
  url: string,
): T | null {
  if (!receiverUrl) return null;
  const base = receiverUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return null;
  const path = url.slice(base.length).split(/[?#]/)[0] || '/';
  return matchEndpoint(endpoints, path);
}
