import { isUtf8 } from 'node:buffer';
import { decodeHead, verdictOf } from '../store/capture-row';
import type { SummaryRow } from '../store/capture-summary';
import type { HeaderPairs } from '../../../shared/http-headers';

/**
 * What the search index knows of a capture: its text (path, query, header names and values, and
 * the body when it is UTF-8) and its facet tokens, one per qualifier value (`~vinvalid`,
 * `~s401`, `~s4xx`, `~emodel~2ecompleted`...). Facet tokens start with `~`, which text never
 * holds (it is a separator there), so a free word can never match a facet.
 */

/** Bodies are indexed up to this many bytes: a 20 MB body would cost seconds and megabytes. */
export const MAX_INDEXED_BODY_BYTES = 1024 * 1024;

/**
 * The part of the body the index reads, in SQL: one byte past the indexed ones tells whether a
 * character was cut there. Only this much of a large body is read out of SQLite.
 */
// (SQLite's substr() of an empty blob is NULL, hence the ifnull: the result is always a blob.)
export const INDEXED_BODY_SQL = `ifnull(substr(d.body, 1, ${MAX_INDEXED_BODY_BYTES + 1}), X'')`;

/**
 * The body's text as indexed: its first MAX_INDEXED_BODY_BYTES, cut at a character boundary,
 * when they are valid UTF-8 (a binary body has no text). `body` may be only INDEXED_BODY_SQL's prefix.
 */
export function indexedBodyText(body: Buffer): string | null {
  if (body.length === 0) return null;
  let end = Math.min(body.length, MAX_INDEXED_BODY_BYTES);
  // A cut through a multi-byte character moves back to its first byte (at most 3 steps), so a
  // long UTF-8 body does not look binary for a character split at the limit.
  for (let step = 0; step < 3 && end < body.length && ((body[end] as number) & 0xc0) === 0x80; step += 1) end -= 1;
  const prefix = body.subarray(0, end);
  return isUtf8(prefix) ? prefix.toString('utf8') : null;
}

/** Facet prefixes, one letter each: the index is written and queried through these only. */
export const FACET = {
  any: '~any',
  method: '~m',
  verdict: '~v',
  reason: '~r',
  status: '~s',
  event: '~e',
  endpoint: '~p',
  scheme: '~c',
  header: '~h',
  flag: '~f',
} as const;

/**
 * A facet value as token characters: lowercase ASCII letters and digits stay, every other
 * character becomes `~` and its code in hex. Character by character, so the encoding of a
 * prefix is a prefix of the encoding (`event:model.*` is a prefix query).
 */
export function facetValue(value: string): string {
  let encoded = facetValues.get(value);
  if (encoded === undefined) {
    encoded = value.toLowerCase().replace(/[^a-z0-9]/gu, (char) => `~${(char.codePointAt(0) as number).toString(16)}~`);
    // The same few header names, events and ids come back on every capture: remember them.
    if (facetValues.size >= FACET_CACHE) facetValues.clear();
    facetValues.set(value, encoded);
  }
  return encoded;
}

const FACET_CACHE = 4096;
const facetValues = new Map<string, string>();

export const facet = (prefix: string, value: string): string => `${prefix}${facetValue(value)}`;

export interface CaptureForSearch extends SummaryRow {
  /** The body's first bytes, as INDEXED_BODY_SQL reads them (or the whole body). */
  body: Buffer;
}

/** Text for the index and for confirming phrases: the same function for both. */
export function searchText(
  capture: Pick<CaptureForSearch, 'path' | 'query' | 'head' | 'body'>,
  headers: HeaderPairs = decodeHead(capture.head),
): string {
  const parts = [capture.path, capture.query];
  if (capture.query !== '') parts.push(safeDecode(capture.query));
  for (const [name, value] of headers) parts.push(name, value);
  const body = indexedBodyText(capture.body);
  if (body !== null) parts.push(body);
  return parts.join('\n');
}

function safeDecode(query: string): string {
  try {
    return decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return query;
  }
}

/** The facet tokens of a capture; `diagnosisCodes` come from the full verification (invalid only). */
export function facetTokens(
  capture: CaptureForSearch,
  diagnosisCodes: readonly string[],
  headers: HeaderPairs = decodeHead(capture.head),
): string[] {
  const tokens = [
    FACET.any,
    facet(FACET.method, capture.method),
    facet(FACET.verdict, verdictOf(capture.verdict)),
    facet(FACET.reason, capture.reason),
    `${FACET.status}${capture.response_status}`,
    `${FACET.status}${Math.floor(capture.response_status / 100)}xx`,
    facet(FACET.scheme, capture.scheme),
  ];
  for (const code of diagnosisCodes) tokens.push(facet(FACET.reason, code));
  if (capture.event !== null) tokens.push(facet(FACET.event, capture.event));
  if (capture.endpoint_id !== null) tokens.push(facet(FACET.endpoint, capture.endpoint_id));
  for (const [name] of headers) tokens.push(facet(FACET.header, name));
  if (capture.duplicate_of !== null) tokens.push(`${FACET.flag}dup`);
  if (capture.flags & 1) tokens.push(`${FACET.flag}truncated`);
  if (capture.flags & 2) tokens.push(`${FACET.flag}aborted`);
  if (capture.flags & 4) tokens.push(`${FACET.flag}imported`);
  if (capture.flags & 16) tokens.push(`${FACET.flag}handshake`);
  return [...new Set(tokens)];
}

/** The document as the index stores it: text with every `~` turned into a separator, then the facets. */
export function searchDocument(capture: CaptureForSearch, diagnosisCodes: readonly string[]): string {
  const headers = decodeHead(capture.head);
  return `${searchText(capture, headers).replaceAll('~', ' ')}\n${facetTokens(capture, diagnosisCodes, headers).join(' ')}`;
}
