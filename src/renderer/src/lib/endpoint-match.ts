import type { Endpoint } from '../../../shared/api';

/**
 * True when `prefix` matches `path` on a segment boundary ('/hooks' matches '/hooks/a', not
 * '/hooksx'). Same rule as the receiver's (engine/receiver/endpoint-match.ts): a trailing '/' on
 * the prefix is ignored, so '/a/' matches '/a'.
 */
function matchesPrefix(prefix: string, path: string): boolean {
  if (prefix === '/') return true;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/** The endpoint the receiver would use for `path`: the longest matching prefix wins. */
export function endpointForPath(endpoints: readonly Endpoint[], path: string): Endpoint | undefined {
  let best: Endpoint | undefined;
  for (const endpoint of endpoints) {
    if (!matchesPrefix(endpoint.path, path)) continue;
    if (!best || endpoint.path.length > best.path.length) best = endpoint;
  }
  return best;
}

/**
 * The endpoint that receives `url` when it points at this app's own receiver; undefined for any
 * other URL (or before the receiver URL is known).
 */
export function ownReceiverEndpoint(endpoints: readonly Endpoint[], receiverUrl: string | null, url: string): Endpoint | undefined {
  if (!receiverUrl) return undefined;
  const base = receiverUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return undefined;
  const path = url.slice(base.length).split(/[?#]/)[0] || '/';
  return endpointForPath(endpoints, path);
}
