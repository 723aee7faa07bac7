/**
 * Header rules shared by send, replay and forward. Hop-by-hop headers describe one connection
 * (RFC 9110 section 7.6.1), so a request that goes out on a new connection must not carry them;
 * Host and Content-Length describe the new request's target and framing, so they are recomputed.
 */

import { invalid } from '../control/errors';

export type HeaderPairs = Array<[string, string]>;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Methods for which node sends no body framing when there is no body (no chunked default). */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export function isHopByHop(name: string, listedInConnection: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || listedInConnection.has(lower);
}

/** Drops hop-by-hop headers, including any the Connection header names (`Connection: close, x-foo`). */
export function withoutHopByHop(headers: readonly (readonly [string, string])[]): HeaderPairs {
  const listed = new Set<string>();
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) listed.add(token.trim().toLowerCase());
  }
  return headers.filter(([name]) => !isHopByHop(name, listed)).map(([name, value]) => [name, value]);
}

export function withoutHeaders(headers: readonly (readonly [string, string])[], names: Iterable<string>): HeaderPairs {
  const drop = new Set([...names].map((name) => name.toLowerCase()));
  return headers.filter(([name]) => !drop.has(name.toLowerCase())).map(([name, value]) => [name, value]);
}

export function hasHeader(headers: readonly (readonly [string, string])[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([key]) => key.toLowerCase() === wanted);
}

/** Sets Host to the target's, in the position the original had it (first when it had none). */
export function withTargetHost(headers: HeaderPairs, targetHost: string): HeaderPairs {
  let replaced = false;
  const out: HeaderPairs = [];
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
export function frameRequest(headers: readonly (readonly [string, string])[], url: URL, method: string, body: Buffer): HeaderPairs {
  const framed = withoutHopByHop(withoutHeaders(headers, ['content-length']));
  const out = hasHeader(framed, 'host') ? framed : ([['Host', url.host], ...framed] as HeaderPairs);
  if (body.length > 0 || !BODYLESS_METHODS.has(method.toUpperCase())) out.push(['Content-Length', String(body.length)]);
  out.push(['Connection', 'keep-alive']);
  return out;
}

/** Header pairs from either a list of [name, value] pairs or an object (the API accepts both). */
export function headerPairsOf(input: unknown, field: string): HeaderPairs {
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
export function headerRecord(headers: readonly (readonly [string, string])[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    record[key] = key in record ? `${record[key]}, ${value}` : value;
  }
  return record;
}
