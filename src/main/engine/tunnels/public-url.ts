import type { RequestDetail } from '../../../shared/api';
import { findHeader } from '../signatures/headers';
import { isLoopbackHost } from './loopback';
import type { HeaderPairs } from '../../../shared/http-headers';

/** The first of a comma-separated list (proxies append their own value to X-Forwarded-*). */
const first = (value: string | null): string => (value ?? '').split(',')[0]?.trim() ?? '';

/**
 * The URL the sender called when a tunnel or proxy stood between it and the receiver:
 * `<X-Forwarded-Proto>://<X-Forwarded-Host><path>?<query>`, or the Host header when it is not a
 * loopback name (cloudflared and ngrok pass the public Host through by default). Null for a
 * request that arrived directly. Derived on read from the stored headers, so captures stored
 * before this existed get it too.
 */
export function publicUrlOf(headers: HeaderPairs, path: string, query: string): string | null {
  const forwardedHost = first(findHeader(headers, 'x-forwarded-host'));
  const host = forwardedHost || first(findHeader(headers, 'host'));
  if (host === '' || (!forwardedHost && isLoopbackHost(host))) return null;
  const proto = first(findHeader(headers, 'x-forwarded-proto')).toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : 'http';
  return `${scheme}://${host}${path}${query === '' ? '' : `?${query}`}`;
}

/**
 * The URL a URL-signing scheme (Twilio, a custom `{url}`) verifies against: the public one when
 * the request came through a tunnel (the sender signed what it called), else the receiver's.
 */
export function signedUrlOf(headers: HeaderPairs, url: string, path: string, query: string): { url: string; exactUrl: boolean } {
  const publicUrl = publicUrlOf(headers, path, query);
  return publicUrl === null ? { url, exactUrl: false } : { url: publicUrl, exactUrl: true };
}

/** signedUrlOf for a stored capture, whose public URL is already read. */
export function storedSignedUrl(detail: Pick<RequestDetail, 'url' | 'public_url'>): { url: string; exactUrl: boolean } {
  return detail.public_url === null ? { url: detail.url, exactUrl: false } : { url: detail.public_url, exactUrl: true };
}
