import type { Endpoint } from '../../../shared/api';

/** True when `path` is `prefix` itself or lies below it on a segment boundary. */
export function pathHasPrefix(path: string, prefix: string): boolean {
  if (prefix === '/') return true;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/** The endpoint with the longest matching path prefix; the catch-all `/` matches everything. */
export function matchEndpoint(endpoints: readonly Endpoint[], path: string): Endpoint | null {
  let best: Endpoint | null = null;
  for (const endpoint of endpoints) {
    if (!pathHasPrefix(path, endpoint.path)) continue;
    if (!best || endpoint.path.length > best.path.length) best = endpoint;
  }
  return best;
}
