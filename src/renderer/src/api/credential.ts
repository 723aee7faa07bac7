/**
 * The control API token, held by this tab only. It arrives once in the launch URL (`?token=`),
 * is kept in sessionStorage (per origin, port included: no other local server can read it, and a
 * reload keeps it) and leaves the address bar at once. It is sent as an Authorization header,
 * never as a cookie: browsers send cookies to every port of a host, the receiver's included.
 */
const STORAGE_KEY = 'hookscope.token';
const TOKEN_PARAM = 'token';

let token: string | null = null;

/** Takes the launch URL's token (or the one this tab kept) and removes it from the address. */
export function adoptLaunchToken(): void {
  const url = new URL(window.location.href);
  const launched = url.searchParams.get(TOKEN_PARAM);
  if (launched !== null) {
    sessionStorage.setItem(STORAGE_KEY, launched);
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  token = sessionStorage.getItem(STORAGE_KEY);
}

/** Headers that authenticate a control API request. */
export function authHeaders(): Record<string, string> {
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/** The live stream's URL: EventSource sends no headers, so the token rides in the query. */
export function streamUrl(): string {
  return token === null ? '/api/stream' : `/api/stream?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
