import { fieldValue } from '../../../shared/field-value';

export interface AlignedChar {
  char: string;
  differs: boolean;
}

/** Prefixes schemes put before the digest; compared apart from it so a missing one does not shift everything. */
export const KNOWN_SIGNATURE_PREFIXES = ['sha256=', 'sha512=', 'sha1=', 'v0=', 'v1=', 'v1,'] as const;

export interface AlignedSignatures {
  /** The known prefix each side starts with, '' when none. */
  expectedPrefix: string;
  receivedPrefix: string;
  prefixDiffers: boolean;
  /** The received value arrived with whitespace around it, which is not part of it and is left out. */
  receivedPadded: boolean;
  /** The digests after their prefixes, aligned position by position. */
  expected: AlignedChar[];
  received: AlignedChar[];
}

export function knownPrefix(signature: string): string {
  return KNOWN_SIGNATURE_PREFIXES.find((prefix) => signature.startsWith(prefix)) ?? '';
}

/**
 * Aligns two signatures position by position (hex digests have a fixed length, so positional
 * comparison is what a human does when squinting at them). Missing positions are shown as '·'.
 * A known prefix (`sha256=`, `v1=`, …) is split off first and compared on its own, so a
 * signature sent without its prefix lines up with the expected one.
 */
export function alignSignatures(expected: string, rawReceived: string): AlignedSignatures {
  // Compared as verification reads it (RFC 9110 5.5), so padding does not shift every position.
  const received = fieldValue(rawReceived);
  const expectedPrefix = knownPrefix(expected);
  const receivedPrefix = knownPrefix(received);
  const a = expected.slice(expectedPrefix.length);
  const b = received.slice(receivedPrefix.length);
  const length = Math.max(a.length, b.length);
  const left: AlignedChar[] = [];
  const right: AlignedChar[] = [];
  for (let i = 0; i < length; i += 1) {
    const x = a[i];
    const y = b[i];
    const differs = x !== y;
    left.push({ char: x ?? '·', differs });
    right.push({ char: y ?? '·', differs });
  }
  return {
    expectedPrefix,
    receivedPrefix,
    prefixDiffers: expectedPrefix !== receivedPrefix,
    receivedPadded: received !== rawReceived,
    expected: left,
    received: right,
  };
}

/** "the received signature lacks the “sha256=” prefix", …; null when the prefixes agree. */
export function prefixDifference(aligned: Pick<AlignedSignatures, 'expectedPrefix' | 'receivedPrefix'>): string | null {
  const { expectedPrefix: expected, receivedPrefix: received } = aligned;
  if (expected === received) return null;
  if (received === '') return `The received signature lacks the “${expected}” prefix; the digests are compared without it.`;
  if (expected === '') return `The received signature has a “${received}” prefix this scheme does not use.`;
  return `Prefix differs: expected “${expected}”, received “${received}”.`;
}
