import { describe, expect, it } from 'vitest';
import { alignSignatures, prefixDifference } from '../../../src/renderer/src/lib/signature-diff';

/** A received header with whitespace around it lines up as verification reads it (RFC 9110 5.5). */
describe('alignSignatures with a padded received value', () => {
  it('compares the value without its padding, keeps the prefix, and says it was padded', () => {
    const aligned = alignSignatures('v0=abcdef', ' \tv0=abcdef  ');
    expect(aligned.receivedPadded).toBe(true);
    expect(aligned.receivedPrefix).toBe('v0=');
    expect(prefixDifference(aligned)).toBeNull();
    expect(aligned.received.map((c) => c.char).join('')).toBe('abcdef');
    expect(aligned.received.some((c) => c.differs)).toBe(false);
  });

  it('an unpadded value is not flagged, and a real difference still is', () => {
    expect(alignSignatures('v0=ab', 'v0=ab').receivedPadded).toBe(false);
    const aligned = alignSignatures('sha256=ab', ' sha256=aX ');
    expect(aligned.received.map((c) => c.differs)).toEqual([false, true]);
  });
});
