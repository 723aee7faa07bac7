import { describe, expect, it } from 'vitest';
import { hexDump } from '../../../src/renderer/src/lib/hex-dump';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('hexDump', () => {
  it('prints offset, two groups of eight bytes and the ASCII column', () => {
    expect(hexDump(ascii('0123456789abcdef'), 1024)).toBe('00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|');
  });

  it('pads a short last line so the ASCII column stays aligned', () => {
    const lines = hexDump(ascii('0123456789abcdefXYZ'), 1024).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`00000010  58 59 5a ${' '.repeat(3 * 13 + 1)} |XYZ|`);
    expect(lines[0]?.indexOf('|')).toBe(lines[1]?.indexOf('|'));
  });

  it('shows non-printable bytes as dots in the ASCII column', () => {
    const dump = hexDump(new Uint8Array([0x00, 0x0a, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff]), 1024);
    expect(dump).toBe(`00000000  00 0a 1f 20 7e 7f 80 ff  ${' '.repeat(24)} |... ~...|`);
  });

  it('dumps only maxBytes and says how many were left out', () => {
    const bytes = new Uint8Array(4096).map((_, i) => i & 0xff);
    const lines = hexDump(bytes, 4000).split('\n');
    expect(lines).toHaveLength(Math.ceil(4000 / 16) + 1);
    expect(lines[lines.length - 2]?.startsWith('00000f90  ')).toBe(true);
    expect(lines[lines.length - 1]).toBe('… 96 more bytes not shown');
    const full = hexDump(bytes, 4096).split('\n');
    expect(full[full.length - 1]?.startsWith('00000ff0  f0 f1')).toBe(true);
  });

  it('returns an empty string for no bytes', () => {
    expect(hexDump(new Uint8Array(0), 10)).toBe('');
    expect(hexDump(ascii('abc'), 0)).toBe('… 3 more bytes not shown');
  });
});
