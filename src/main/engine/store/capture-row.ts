import type { CapturedResponse, ForwardOutcome, Verdict } from '../../../shared/api';
import { findHeader } from '../signatures/headers';
import type { HeaderPairs, MutableHeaderPair } from '../../../shared/http-headers';
import type { NewCapture } from './capture';

/**
 * How a capture is written down in its two rows (migration 8): only what cannot be derived from
 * the raw request is stored, and defaults are not stored at all. The raw bytes stay exact; the
 * URL, Content-Type, the X-Forwarded-* summary and the delivery id are read back from them.
 */

// Everything in this file is a storage encoding: stored rows are read back through it, so a value
// here never changes meaning (a new default for endpoints goes to the endpoints, not here).

/** Bits of `captures.flags`. */
export const FLAG = { truncated: 1, aborted: 2, imported: 4, pinned: 8, handshake: 16 } as const;

/** `captures.verdict` as a small integer (its index here): three values, one byte each instead of up to twelve. */
export const VERDICTS: readonly Verdict[] = ['valid', 'invalid', 'unverifiable'];
export const verdictCode = (verdict: Verdict): number => VERDICTS.indexOf(verdict);
export const verdictOf = (code: number): Verdict => VERDICTS[code] ?? 'unverifiable';

/**
 * The answer a capture that stores none was given: what endpoints answered by default when this
 * encoding was made. Captures given any other answer store it.
 */
export const DEFAULT_RESPONSE: CapturedResponse = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"received": true}',
};

/**
 * Header pairs as lines of `Name:value\n` (a header name is a token and never holds a colon or a
 * line break; Node rejects line breaks in values). Pairs that cannot be written so (a HAR import
 * can hold anything) are kept as a JSON array instead; a line block never starts with `[`, which
 * is not a token character.
 */
export function encodeHead(headers: HeaderPairs): string {
  let head = '';
  for (const [name, value] of headers) {
    if (name === '' || name.includes(':') || name.includes('\n') || value.includes('\n') || name.startsWith('[')) {
      return JSON.stringify(headers);
    }
    head += `${name}:${value}\n`;
  }
  return head;
}

export function decodeHead(head: string): MutableHeaderPair[] {
  if (head.startsWith('[')) return JSON.parse(head) as MutableHeaderPair[];
  const pairs: MutableHeaderPair[] = [];
  let start = 0;
  while (start < head.length) {
    const end = head.indexOf('\n', start);
    const colon = head.indexOf(':', start);
    pairs.push([head.slice(start, colon), head.slice(colon + 1, end)]);
    start = end + 1;
  }
  return pairs;
}

/** The URL the receiver records for a request: what `extra.url` holds only when it differs. */
export function receiverUrl(host: string | null, path: string, query: string): string {
  return `http://${host ?? 'localhost'}${path}${query === '' ? '' : `?${query}`}`;
}

/** `capture_data.extra`: the rare facts, each present only when it is not the default. */
export interface CaptureExtra {
  /** The URL, when it is not `receiverUrl(Host, path, query)` (HAR imports, odd request targets). */
  url?: string;
  /** HTTP version, when not 1.1. */
  http?: string;
  /** The answer, when it is not DEFAULT_RESPONSE. */
  response?: CapturedResponse;
  forward?: ForwardOutcome;
  /** The content type, when it is not the Content-Type header's (a HAR entry's postData.mimeType). */
  ct?: string | null;
  /** `response` is the HTTP parser's answer (RequestDetail.response_by_parser). */
  parser?: true;
  /** The handshake the receiver answered (RequestDetail.handshake); FLAG.handshake is set too. */
  hs?: string;
}

export function sameResponse(a: CapturedResponse, b: CapturedResponse): boolean {
  if (a.status !== b.status || a.body !== b.body || a.body_base64 !== b.body_base64) return false;
  const aNames = Object.keys(a.headers);
  const bNames = Object.keys(b.headers);
  return aNames.length === bNames.length && aNames.every((name) => a.headers[name] === b.headers[name]);
}

export function encodeExtra(extra: CaptureExtra): string | null {
  return Object.values(extra).every((value) => value === undefined) ? null : JSON.stringify(extra);
}

/**
 * A 47-bit hash of a delivery id: the index of duplicate detection holds 6 bytes per capture (the
 * largest integer SQLite stores in 6) instead of a 36-character id. A hit is confirmed against
 * the candidate's own header, so a collision can never mark a capture as a duplicate.
 */
export function deliveryKey(id: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < id.length; index += 1) {
    const code = id.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (32767 & h2) + (h1 >>> 0);
}

/** The Content-Type header's value, unless the capture recorded another (HAR imports). */
export function contentTypeOf(row: { extra: string | null }, headers: HeaderPairs): string | null {
  const extra = row.extra === null ? null : (JSON.parse(row.extra) as CaptureExtra);
  return extra?.ct !== undefined ? extra.ct : findHeader(headers, 'content-type');
}

/** `captures.flags` of a capture about to be stored (pinned is set later, by the user). */
export function flagsOf(capture: NewCapture): number {
  return (
    (capture.truncated ? FLAG.truncated : 0) |
    (capture.aborted ? FLAG.aborted : 0) |
    (capture.imported ? FLAG.imported : 0) |
    (capture.handshake ? FLAG.handshake : 0)
  );
}

/** `capture_data.extra` of a capture about to be stored: only what its raw request does not imply. */
export function extraOf(capture: NewCapture): string | null {
  const extra: CaptureExtra = {};
  if (capture.url !== receiverUrl(findHeader(capture.headers, 'host'), capture.path, capture.query)) extra.url = capture.url;
  if (capture.httpVersion !== '1.1') extra.http = capture.httpVersion;
  if (!sameResponse(capture.response, DEFAULT_RESPONSE)) extra.response = capture.response;
  if (capture.forward) extra.forward = capture.forward;
  if (capture.contentType !== findHeader(capture.headers, 'content-type')) extra.ct = capture.contentType;
  if (capture.responseByParser) extra.parser = true;
  if (capture.handshake) extra.hs = capture.handshake;
  return encodeExtra(extra);
}
