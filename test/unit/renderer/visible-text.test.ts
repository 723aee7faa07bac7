import { describe, expect, it } from 'vitest';
import { toVisibleSegments, type VisibleSegment } from '../../../src/renderer/src/lib/visible-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const render = (bytes: Uint8Array, max = 1 << 20) => toVisibleSegments(bytes, max);
const plain = (text: string): VisibleSegment => ({ text, special: false });
const mark = (text: string, lineBreak = false): VisibleSegment => ({ text, special: true, lineBreak });

describe('toVisibleSegments', () => {
  it('keeps printable ASCII as one plain run', () => {
    expect(render(utf8('{"a": 1}'))).toEqual([plain('{"a": 1}')]);
  });

  it('marks CR and LF, breaking the line once per line ending', () => {
    expect(render(utf8('a\r\nb\nc\rd'))).toEqual([
      plain('a'),
      mark('\\r'),
      mark('\\n', true),
      plain('b'),
      mark('\\n', true),
      plain('c'),
      mark('\\r', true),
      plain('d'),
    ]);
  });

  it('marks a byte order mark and tabs', () => {
    expect(render(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x09, 0x7d]))).toEqual([
      mark('\\uFEFF (BOM)'),
      plain('{'),
      mark('\\t'),
      plain('}'),
    ]);
  });

  it('marks trailing spaces before a line end and at the end, not spaces inside a line', () => {
    expect(render(utf8('a b  \nc '))).toEqual([plain('a b'), mark('··'), mark('\\n', true), plain('c'), mark('·')]);
    expect(render(utf8('x \r\n'))).toEqual([plain('x'), mark('·'), mark('\\r'), mark('\\n', true)]);
  });

  it('does not call spaces trailing when the rendering limit cuts the line', () => {
    expect(render(utf8('a   b'), 2)).toEqual([plain('a ')]);
    expect(render(utf8('a  \n'), 2)).toEqual([plain('a'), mark('·')]);
  });

  it('escapes every non-ASCII character with its code point', () => {
    expect(render(utf8('é€😀'))).toEqual([mark('\\u00E9'), mark('\\u20AC'), mark('\\u{1F600}')]);
    expect(render(utf8('\u00a0\u200b\u0085'))).toEqual([mark('\\u00A0'), mark('\\u200B'), mark('\\u0085')]);
  });

  it('escapes control characters and DEL', () => {
    expect(render(new Uint8Array([0x00, 0x1b, 0x7f]))).toEqual([mark('\\u0000'), mark('\\u001B'), mark('\\u007F')]);
  });

  it('shows bytes that are not valid UTF-8 as \\xNN, one by one', () => {
    expect(render(new Uint8Array([0x61, 0xff, 0x62]))).toEqual([plain('a'), mark('\\xFF'), plain('b')]);
    // Overlong encoding of '/', a UTF-16 surrogate, a truncated sequence and a stray continuation byte.
    expect(render(new Uint8Array([0xc0, 0xaf]))).toEqual([mark('\\xC0'), mark('\\xAF')]);
    expect(render(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual([mark('\\xED'), mark('\\xA0'), mark('\\x80')]);
    expect(render(new Uint8Array([0xe2, 0x82]))).toEqual([mark('\\xE2'), mark('\\x82')]);
    expect(render(new Uint8Array([0x80]))).toEqual([mark('\\x80')]);
    expect(render(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))[0]).toEqual(mark('\\xF4'));
  });

  it('renders only the first maxBytes', () => {
    expect(render(utf8('abcdef'), 3)).toEqual([plain('abc')]);
    expect(render(utf8('abc'), 0)).toEqual([]);
  });
});
