/**
 * The active history query lives in the page URL as `?q=` so that a reload keeps the filter.
 * Other parameters are left alone (the app takes its one-time `?token=` out at start-up,
 * api/credential.ts, but nothing here should depend on that).
 */
export const QUERY_PARAM = 'q';

export function readQueryParam(search: string): string {
  return new URLSearchParams(search).get(QUERY_PARAM)?.trim() ?? '';
}

/** The same-origin path, search and hash of `href` with `q` set (or removed when empty). */
export function urlWithQuery(href: string, query: string): string {
  const url = new URL(href);
  if (query === '') url.searchParams.delete(QUERY_PARAM);
  else url.searchParams.set(QUERY_PARAM, query);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Replaces the address (no history entry: filtering is not navigation). */
export function showQueryInUrl(query: string): void {
  const next = urlWithQuery(window.location.href, query);
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}
