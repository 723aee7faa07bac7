import { describe, expect, it } from 'vitest';
import { alignSignatures } from '../../../src/renderer/src/lib/signature-diff';

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
});
