import { describe, expect, it } from 'vitest';
import { alignSignatures, prefixDifference } from '../../../src/renderer/src/lib/signature-diff';

const differing = (chars: { differs: boolean }[]) => chars.flatMap((c, i) => (c.differs ? [i] : []));

describe('alignSignatures', () => {
  it('flags nothing when the signatures are equal', () => {
    const { expected, received } = alignSignatures('ab12', 'ab12');
    expect(expected.map((c) => c.char).join('')).toBe('ab12');
    expect(differing(expected)).toEqual([]);
    expect(differing(received)).toEqual([]);
  });

  it('flags exactly the positions that differ, on both sides', () => {
    const { expected, received } = alignSignatures('abcdef', 'abXdeY');
    expect(differing(expected)).toEqual([2, 5]);
    expect(differing(received)).toEqual([2, 5]);
    expect(received.map((c) => c.char).join('')).toBe('abXdeY');
  });

  it('pads the shorter side with · and flags the missing positions', () => {
    const { expected, received } = alignSignatures('abcd', 'ab');
    expect(received.map((c) => c.char).join('')).toBe('ab··');
    expect(differing(received)).toEqual([2, 3]);
    expect(expected.map((c) => c.char).join('')).toBe('abcd');
    const swapped = alignSignatures('', 'xy');
    expect(swapped.expected.map((c) => c.char).join('')).toBe('··');
    expect(differing(swapped.expected)).toEqual([0, 1]);
  });

  it('is case-sensitive (uppercase hex is a different signature string)', () => {
    expect(differing(alignSignatures('ab', 'AB').expected)).toEqual([0, 1]);
  });

  it('splits off a known prefix the received signature lacks, so the digests line up', () => {
    const aligned = alignSignatures('sha256=abcdef', 'abcdef');
    expect(aligned.expectedPrefix).toBe('sha256=');
    expect(aligned.receivedPrefix).toBe('');
    expect(aligned.prefixDiffers).toBe(true);
    expect(differing(aligned.expected)).toEqual([]);
    expect(differing(aligned.received)).toEqual([]);
    expect(prefixDifference(aligned)).toMatch(/lacks the “sha256=” prefix/);
  });

  it('handles a prefix the expected signature lacks, and different prefixes', () => {
    const extra = alignSignatures('abc', 'v1=abc');
    expect(differing(extra.received)).toEqual([]);
    expect(prefixDifference(extra)).toMatch(/“v1=” prefix this scheme does not use/);
    const other = alignSignatures('v1,abc', 'v0=abd');
    expect(differing(other.expected)).toEqual([2]);
    expect(prefixDifference(other)).toBe('Prefix differs: expected “v1,”, received “v0=”.');
  });

  it('keeps equal prefixes out of the digest comparison without calling them different', () => {
    const same = alignSignatures('sha1=ab', 'sha1=aX');
    expect(same.prefixDiffers).toBe(false);
    expect(prefixDifference(same)).toBeNull();
    expect(same.expected.map((c) => c.char).join('')).toBe('ab');
    expect(differing(same.received)).toEqual([1]);
  });
});
