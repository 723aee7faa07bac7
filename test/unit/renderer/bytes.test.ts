import { describe, expect, it } from 'vitest';
import { base64ToBytes, decodeUtf8Lossy, decodeUtf8Strict, looksBinary } from '../../../src/renderer/src/lib/bytes';

describe('base64ToBytes', () => {
  it('decodes every byte value exactly', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(Buffer.from(base64ToBytes(all.toString('base64')))).toEqual(all);
  });

  it('decodes an empty string and rejects invalid base64', () => {
    expect(base64ToBytes('')).toHaveLength(0);
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8 and keeps a leading BOM', () => {
    expect(decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\uFEFF{}');
    expect(decodeUtf8Strict(Buffer.from('Zoë 🚀'))).toBe('Zoë 🚀');
  });

  it('returns null for invalid sequences', () => {
    expect(decodeUtf8Strict(new Uint8Array([0x61, 0xff]))).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0xc0, 0xaf]))).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0xe2, 0x82]))).toBeNull();
  });
});

describe('decodeUtf8Lossy', () => {
  it('replaces invalid bytes with U+FFFD and keeps the BOM', () => {
    expect(decodeUtf8Lossy(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
    expect(decodeUtf8Lossy(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\uFEFFa');
  });
});

describe('looksBinary', () => {
  it('treats text with tabs and line endings as text', () => {
    expect(looksBinary('{\r\n\t"a": 1\r\n}')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('treats any NUL as binary', () => {
    expect(looksBinary(`${'a'.repeat(10_000)}\u0000`)).toBe(true);
  });

  it('treats more than 1% control characters as binary, up to 1% as text', () => {
    expect(looksBinary(`${'a'.repeat(99)}\u0001`)).toBe(false);
    expect(looksBinary(`${'a'.repeat(98)}\u0001\u0002`)).toBe(true);
  });

  it('judges by the first 64 KiB of a large body', () => {
    expect(looksBinary(`${'a'.repeat(65_536)}${'\u0001'.repeat(10_000)}`)).toBe(false);
  });
});
