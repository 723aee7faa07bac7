import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, utf8ToBase64 } from '../../../src/renderer/src/lib/bytes';

describe('bytesToBase64', () => {
  it('round-trips every byte value and large buffers (chunked encoding)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    const large = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(large))).toEqual(large);
  });

  it('encodes text as UTF-8, BOM and CRLF included', () => {
    expect(utf8ToBase64('\uFEFFé\r\n')).toBe(Buffer.from('\uFEFFé\r\n', 'utf8').toString('base64'));
  });
});
