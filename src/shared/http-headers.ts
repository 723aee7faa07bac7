/**
 * Header facts both sides need. Hop-by-hop headers describe one connection (RFC 9110 section
 * 7.6.1), so a request that goes out on a new connection (send, replay, forward, a curl copy) must
 * not carry them, nor the headers its Connection header names.
 */

/** One header line as it was received or will be sent: name in its original case, value untrimmed. */
export type HeaderPair = readonly [name: string, value: string];

/** Raw header pairs in their received order and case, duplicates kept. */
export type HeaderPairs = readonly HeaderPair[];

/**
 * For types that spell the tuple mutable, since a readonly tuple is not assignable to a mutable
 * one: the API contract's JSON types (src/shared/api.ts, platform-api.ts) and fetch's HeadersInit.
 * Only lists built for or read from those use it; nothing mutates a pair in place.
 */
export type MutableHeaderPair = [name: string, value: string];

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export function isHopByHop(name: string, listedInConnection: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || listedInConnection.has(lower);
}

/** Drops hop-by-hop headers, including any the Connection header names (`Connection: close, x-foo`). */
export function withoutHopByHop(headers: HeaderPairs): HeaderPair[] {
  const listed = new Set<string>();
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) listed.add(token.trim().toLowerCase());
  }
  return headers.filter(([name]) => !isHopByHop(name, listed));
}

export function withoutHeaders(headers: HeaderPairs, names: Iterable<string>): HeaderPair[] {
  const drop = new Set([...names].map((name) => name.toLowerCase()));
  return headers.filter(([name]) => !drop.has(name.toLowerCase()));
}

export function hasHeader(headers: HeaderPairs, name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([key]) => key.toLowerCase() === wanted);
}
