import { STATUS_CODES } from 'node:http';
import type { Endpoint, CapturedRequest } from '../../../shared/api';
import { forwardedInfo } from '../receiver/capture-metadata';
import { eventTypeOf } from '../receiver/event-type';
import { matchEndpoint } from '../../../shared/endpoint-match';
import { endpointVerificationSettings } from '../services/endpoint-verification';
import { findHeader } from '../signatures/headers';
import { verifyMessage } from '../signatures/verify';
import type { NewCapture } from '../store/capture';
import type { HeaderPair } from '../../../shared/http-headers';

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), as much of it as captures fill. */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  /** `base64` when `text` holds bytes that are not UTF-8 text. */
  encoding?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: unknown[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    /** `encoding: "base64"` is the common extension (HAR 1.2 defines it for response content only). */
    postData?: { mimeType: string; text: string; encoding?: string; params?: unknown[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: unknown[];
    headers: HarNameValue[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** Hookscope's own fields (custom fields start with `_` in HAR). */
  _hookscope?: {
    id: number;
    endpoint_id: string | null;
    verification: { verdict: string; reason: string; scheme: string };
    truncated: boolean;
    aborted: boolean;
    forward: CapturedRequest['forward'];
  };
}

export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

/** Text when the bytes are UTF-8 (round-trips exactly through JSON), else base64. */
function textOrBase64(bytes: Buffer): { text: string; encoding?: string } {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? { text } : { text: bytes.toString('base64'), encoding: 'base64' };
}

function queryPairs(query: string): HarNameValue[] {
  return [...new URLSearchParams(query)].map(([name, value]) => ({ name, value }));
}

/**
 * An aborted upload got no response (unless the HTTP parser answered it): HAR's convention for
 * that (as browsers write it) is status 0.
 */
const NO_RESPONSE: CapturedRequest['response'] = { status: 0, headers: {}, body: '' };

export function harEntryOf(detail: CapturedRequest): HarEntry {
  const body = Buffer.from(detail.body_base64, 'base64');
  const response = detail.aborted && !detail.response_by_parser ? NO_RESPONSE : detail.response;
  const responseBody =
    response.body_base64 !== undefined ? Buffer.from(response.body_base64, 'base64') : Buffer.from(response.body, 'utf8');
  const responseType = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return {
    startedDateTime: detail.received_at,
    time: detail.timing.total_ms,
    request: {
      method: detail.method,
      url: detail.url,
      httpVersion: `HTTP/${detail.http_version}`,
      cookies: [],
      headers: detail.headers.map(([name, value]) => ({ name, value })),
      queryString: queryPairs(detail.query),
      ...(body.length > 0
        ? { postData: { mimeType: findHeader(detail.headers, 'content-type') ?? '', ...textOrBase64(body), params: [] } }
        : {}),
      headersSize: -1,
      bodySize: body.length,
    },
    response: {
      status: response.status,
      statusText: STATUS_CODES[response.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(response.headers).map(([name, value]) => ({ name, value })),
      content: { size: responseBody.length, mimeType: responseType ?? '', ...textOrBase64(responseBody) },
      redirectURL: '',
      headersSize: -1,
      bodySize: responseBody.length,
    },
    cache: {},
    timings: { send: detail.timing.body_ms, wait: Math.max(0, detail.timing.total_ms - detail.timing.body_ms), receive: 0 },
    _hookscope: {
      id: detail.id,
      endpoint_id: detail.endpoint_id,
      verification: { verdict: detail.verification.verdict, reason: detail.verification.reason, scheme: detail.verification.scheme },
      truncated: detail.truncated,
      aborted: detail.aborted,
      forward: detail.forward ?? null,
    },
  };
}

export function harDocumentOf(details: CapturedRequest[], version: string): HarDocument {
  return { log: { version: '1.2', creator: { name: 'Hookscope', version }, entries: details.map(harEntryOf) } };
}

/** What an import accepts of an entry: the schema has checked the required fields' presence. */
export interface HarImportEntry {
  startedDateTime?: string;
  time?: number;
  request: {
    method: string;
    url: string;
    httpVersion?: string;
    headers?: HarNameValue[];
    postData?: { mimeType?: string; text?: string; encoding?: string };
  };
  response?: {
    status?: number;
    headers?: HarNameValue[];
    content?: { text?: string; encoding?: string };
  };
  /** Set when the entry came from a Hookscope export; other tools' HAR files have none. */
  _hookscope?: { aborted?: unknown };
}

/** The bytes a HAR content (or postData) holds: base64 when `encoding` says so, else UTF-8 text. */
export function harContentBytes(content: { text?: string; encoding?: string } | undefined): Buffer {
  if (content?.text === undefined) return Buffer.alloc(0);
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64') : Buffer.from(content.text, 'utf8');
}

/** The path and raw query of a URL as written (URL parsing would re-encode both). */
export function targetOf(url: string): { path: string; query: string } {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (match) return { path: match[1] || '/', query: match[2] ?? '' };
  const [path = '', query = ''] = url.split('#')[0]?.split('?') ?? [];
  return { path: path.startsWith('/') ? path : '/', query };
}

/**
 * Rebuilds a capture from a HAR entry: the body from postData.text (base64 when `encoding`
 * says so), headers in their listed order, verified against the endpoint its path matches as
 * of its own timestamp (so an old import is not called expired), marked as imported.
 */
export function captureOfHarEntry(entry: HarImportEntry, endpoints: readonly Endpoint[]): NewCapture {
  const headers: HeaderPair[] = (entry.request.headers ?? []).map(({ name, value }) => [name, value]);
  const body = harContentBytes(entry.request.postData);
  const { path, query } = targetOf(entry.request.url);
  const parsedTime = entry.startedDateTime === undefined ? Number.NaN : Date.parse(entry.startedDateTime);
  const receivedAt = Number.isFinite(parsedTime) ? parsedTime : Date.now();
  const endpoint = matchEndpoint(endpoints, path);
  const contentType = findHeader(headers, 'content-type') ?? (entry.request.postData?.mimeType || null);
  const target = `${path}${query === '' ? '' : `?${query}`}`;
  const verification = verifyMessage(
    { headers, body, url: entry.request.url, method: entry.request.method },
    // The receiver's settings (custom scheme, tolerance, other endpoints' secrets), on the entry's clock.
    endpointVerificationSettings(endpoint, () => endpoints, Math.floor(receivedAt / 1000)),
  );
  const responseBody = harContentBytes(entry.response?.content);
  const responseHeaders: Record<string, string> = {};
  for (const { name, value } of entry.response?.headers ?? []) responseHeaders[name.toLowerCase()] = value;
  return {
    receivedAt,
    method: entry.request.method,
    path,
    query,
    url: /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(entry.request.url)
      ? entry.request.url
      : `http://${findHeader(headers, 'host') ?? 'localhost'}${target}`,
    httpVersion: (entry.request.httpVersion ?? '1.1').replace(/^HTTP\//i, ''),
    headers,
    contentType,
    body,
    bodySize: body.length,
    truncated: false,
    aborted: entry._hookscope?.aborted === true,
    remoteAddress: null,
    remotePort: null,
    forwarded: forwardedInfo(headers),
    endpointId: endpoint?.id ?? null,
    event: eventTypeOf(endpoint?.scheme, headers, body, contentType),
    verification,
    response: {
      status: entry.response?.status ?? 0,
      headers: responseHeaders,
      body: responseBody.toString('utf8'),
      body_base64: responseBody.toString('base64'),
    },
    timing: { body_ms: 0, total_ms: typeof entry.time === 'number' && entry.time >= 0 ? entry.time : 0 },
    forward: null,
    imported: true,
  };
}
