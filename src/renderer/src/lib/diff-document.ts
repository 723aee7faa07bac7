import type { RequestDetail, SentRequest } from '../../../shared/api';
import { prettyJsonBytes } from './pretty-json-bytes';
import { base64ToBytes, decodeUtf8Lossy, decodeUtf8Strict } from './bytes';
import { hexDump } from './hex-dump';
import type { HeaderPairs } from '../../../shared/http-headers';

/** One side of a comparison: a capture as received, or a sent request as it went out. */
export interface DiffSide {
  label: string;
  /** When it was received or sent (ISO 8601): the older side goes left. */
  time: string;
  method: string;
  url: string;
  headers: HeaderPairs;
  bodyBase64: string;
}

/** `bodyBase64`: the capture's whole body (api/body-api's captureBodyBase64: a large one is not inline). */
export function sideOfCapture(detail: RequestDetail, bodyBase64: string): DiffSide {
  return {
    label: `Capture #${detail.id}`,
    time: detail.received_at,
    method: detail.method,
    url: detail.url,
    headers: detail.headers,
    bodyBase64,
  };
}

export function sideOfSent(sent: SentRequest): DiffSide {
  return {
    label: `Sent #${sent.id}`,
    time: sent.created_at,
    method: sent.request.method,
    url: sent.request.url,
    headers: sent.request.headers,
    bodyBase64: sent.request.body_base64,
  };
}

export type DiffBodyView = 'pretty' | 'raw';

const MAX_HEX_BYTES = 256 * 1024;

/** The body as comparable text: indented JSON (literals untouched), the raw text, or a hex dump of non-UTF-8 bytes. */
export function bodyText(bodyBase64: string, view: DiffBodyView): string {
  const bytes = base64ToBytes(bodyBase64);
  const text = decodeUtf8Strict(bytes);
  if (text === null) return hexDump(bytes, MAX_HEX_BYTES);
  if (view === 'pretty') {
    // The byte-level printer: the same output as prettyPrintJson, several times faster on large bodies.
    const pretty = prettyJsonBytes(bytes);
    return pretty === null ? text : decodeUtf8Lossy(pretty);
  }
  return text;
}

/**
 * An HTTP-message-like document: request line, headers in their order and case, a blank line,
 * then the body. Headers and body sit in one document so a single diff shows both.
 */
export function diffDocument(side: Pick<DiffSide, 'method' | 'url' | 'headers' | 'bodyBase64'>, view: DiffBodyView): string {
  const head = [`${side.method} ${side.url}`, ...side.headers.map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\n')}\n\n${bodyText(side.bodyBase64, view)}`;
}

/** The two sides in time order, older first (left), whichever was marked first; equal times keep their order. */
export function orderByTime(a: DiffSide, b: DiffSide): [DiffSide, DiffSide] {
  return Date.parse(b.time) < Date.parse(a.time) ? [b, a] : [a, b];
}
