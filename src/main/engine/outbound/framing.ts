/**
 * Request framing shared by send, replay and forward (the hop-by-hop rules live in
 * shared/http-headers.ts): Host and Content-Length describe the new request's target and
 * framing, so they are recomputed.
 */

import { invalid } from '../control/errors';
import { hasHeader, withoutHeaders, withoutHopByHop, type HeaderPair, type HeaderPairs } from '../../../shared/http-headers';

/** Methods for which node sends no body framing when there is no body (no chunked default). */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/** Sets Host to the target's, in the position the original had it (first when it had none). */
export function withTargetHost(headers: HeaderPairs, targetHost: string): HeaderPair[] {
  let replaced = false;
  const out: HeaderPair[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'host') out.push([name, value]);
    else if (!replaced) {
      out.push([name, targetHost]);
      replaced = true;
    }
  }
  return replaced ? out : [['Host', targetHost], ...out];
}

/**
 * The complete header list of an outgoing request, exactly as node will write it: the given
 * headers (framing headers removed), Host first unless given, Content-Length when node would
 * otherwise pick chunked encoding or the body is non-empty, and the `Connection: keep-alive`
 * node's agent would add itself. Recording this list means the Sent history shows the wire.
 */
export function frameRequest(headers: HeaderPairs, url: URL, method: string, body: Buffer): HeaderPair[] {
  const framed = withoutHopByHop(withoutHeaders(headers, ['content-length']));
  const out: HeaderPair[] = hasHeader(framed, 'host') ? framed : [['Host', url.host], ...framed];
  if (body.length > 0 || !BODYLESS_METHODS.has(method.toUpperCase())) out.push(['Content-Length', String(body.length)]);
  out.push(['Connection', 'keep-alive']);
  return out;
}

/** Header pairs from either a list of [name, value] pairs or an object (the API accepts both). */
export function headerPairsOf(input: unknown, field: string): HeaderPair[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) {
    return input.map((pair: unknown, index) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw invalid(`${field}[${index}] must be a [name, value] pair.`);
      return [pair[0] as string, pair[1] as string];
    });
  }
  if (input !== null && typeof input === 'object') return Object.entries(input as Record<string, string>);
  throw invalid(`${field} must be a list of [name, value] pairs or an object of header values.`);
}

/** Joins duplicate headers into one object (for views that take a record), keeping first-seen order. */
export function headerRecord(headers: HeaderPairs): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    record[key] = key in record ? `${record[key]}, ${value}` : value;
  }
  return record;
}
