import type { DiagnosisItem } from '../../../../shared/api';
import type { ContentFields } from '../content';
import { hmac, type AnyHmacAlgorithm } from '../hmac';
import type { DiagnosisProbe } from '../types';
import type { ReceivedMacs } from './received';

/**
 * Bodies above this (256 KiB, far above typical webhooks) skip the families that re-encode and hash
 * the body many times, so a mismatch costs a few ms, never seconds.
 */
export const BODY_SEARCH_LIMIT = 256 * 1024;

export interface OtherSecret {
  label: string;
  secret: string;
}

/** What every explanation family gets: the scheme's probe and cheap ways to test a candidate. */
export interface SearchContext {
  probe: DiagnosisProbe;
  received: ReceivedMacs;
  otherSecrets: readonly OtherSecret[];
  /** False when the body is too large for the body-variant families. */
  bodySearchable: boolean;
  key: Buffer;
  /** MAC of a content with the scheme's algorithm and the configured key unless overridden. */
  macOf(content: Buffer, options?: { key?: Buffer; algorithm?: AnyHmacAlgorithm }): Buffer;
  /** True when the MAC of this content (same key, algorithm) appears in the received header. */
  matchesContent(content: Buffer, options?: { key?: Buffer; algorithm?: AnyHmacAlgorithm }): boolean;
  /** The scheme's content with some fields replaced (a different body, timestamp...). */
  contentWith(fields: Partial<ContentFields>): Buffer;
}

export type Explanation = (ctx: SearchContext) => DiagnosisItem[];

export function createSearchContext(probe: DiagnosisProbe, received: ReceivedMacs, otherSecrets: readonly OtherSecret[]): SearchContext {
  const key = probe.keyOf(probe.secret);
  const macOf: SearchContext['macOf'] = (content, options) => hmac(options?.algorithm ?? probe.algorithm, options?.key ?? key, content);
  return {
    probe,
    received,
    otherSecrets,
    bodySearchable: probe.fields.body.length <= BODY_SEARCH_LIMIT,
    key,
    macOf,
    matchesContent: (content, options) => received.has(macOf(content, options)),
    contentWith: (fields) => probe.contentOf({ ...probe.fields, ...fields }),
  };
}

/** Tries body variants in order and reports the first that matches (one item per code). */
export function firstMatchingBody(
  ctx: SearchContext,
  code: string,
  variants: Iterable<{ body: Buffer; message: string }>,
): DiagnosisItem[] {
  if (!ctx.bodySearchable) return [];
  for (const variant of variants) {
    if (variant.body.equals(ctx.probe.fields.body)) continue;
    if (ctx.matchesContent(ctx.contentWith({ body: variant.body }))) return [{ code, message: variant.message }];
  }
  return [];
}
