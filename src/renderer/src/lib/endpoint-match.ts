import type { Endpoint } from '../../../shared/api';

/** True when `prefix` matches `path` on a segment boundary ('/hooks' matches '/hooks/a', not '/hooksx'). */
function matchesPrefix(prefix: string, path: string): boolean {
  if (prefix === '/' || prefix === path) return true;
  const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return path.startsWith(normalized);
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
