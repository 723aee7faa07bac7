import { describe, expect, it } from 'vitest';
import { BodyDocument, MAX_UNWRAPPED_LINE, isValidUtf8 } from '../../../src/renderer/src/components/detail/body-views';
import { layoutRows, rowsOf, visibleSegments } from '../../../src/renderer/src/components/detail/body-rows';
import { prettyJsonBytes } from '../../../src/renderer/src/lib/pretty-json-bytes';
import { hexDump } from '../../../src/renderer/src/lib/hex-dump';
import { prettyPrintJson } from '../../../src/renderer/src/lib/pretty-json';

const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

describe('isValidUtf8', () => {
  it('agrees with TextDecoder in fatal mode', () => {
    const cases = [
      [],
      [0x41],
      [0xc3, 0xa9],
      [0xc3],
      [0xc0, 0x80], // overlong
      [0xe0, 0x80, 0x80], // overlong
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf0, 0x9f, 0x98, 0x80],
      [0xef, 0xbb, 0xbf, 0x7b, 0x7d],
      [0x80],
      [0xff],
    ];
    const next = random(7);
    for (let i = 0; i < 2000; i += 1) {
      const length = Math.floor(next() * 8);
      cases.push(Array.from({ length }, () => (next() < 0.5 ? 0x80 + Math.floor(next() * 0x80) : Math.floor(next() * 0x100))));
    }
    for (const bytes of cases) {
      let expected = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
      } catch {
        expected = false;
      }
      expect(isValidUtf8(new Uint8Array(bytes)), JSON.stringify(bytes)).toBe(expected);
    }
  });
});

describe('prettyJsonBytes', () => {
  const samples = [
    '{"a":1,"b":[true,null]}',
    '{"id":12345678901234567890123,"f":1.0,"e":1E+2,"n":-0,"s":"caf\\u00e9 \\/ \\"q\\" \\\\"}',
    '{"a":"x, {y}: [z]  \\t","b":"\\\\","c":2}',
    '{"a":{},"b":[ \n ],"c":[{}]}',
    '[]',
    ' { } ',
    '"just a string"',
    '-12.5e-3',
    'null',
    '{"deep":[[[[{"x":[1,2,{"y":"z"}]}]]]]}',
    '{"unicode":"日本語 ✓ \u2028 emoji 😀","k":[1 , 2 ,3 ]}',
    '\t\r\n[1,\r\n2]\n',
  ];

  it('prints exactly what prettyPrintJson prints, as UTF-8 bytes', () => {
    for (const sample of samples) {
      expect(decode(prettyJsonBytes(utf8(sample))), sample).toBe(prettyPrintJson(sample));
    }
  });

  it('says "not JSON" (null) exactly when JSON.parse throws', () => {
    const invalid = [
      '',
      ' ',
      '{',
      '}',
      '{"a":1,}',
      '[1,]',
      '{"a" 1}',
      '{a:1}',
      "{'a':1}",
      '01',
      '1.',
      '.5',
      '+1',
      '1e',
      '1e+',
      '-',
      'tru',
      'nul',
      'truex',
      '[1 2]',
      '{"a":1}{}',
      '"\\x"',
      '"\\u12G4"',
      '"a\tb"',
      '"unterminated',
      '\uFEFF{}',
      '[1]]',
      '{"a":[}',
      'NaN',
      'Infinity',
      '{"a":1}x',
    ];
    for (const text of invalid) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(prettyJsonBytes(utf8(text)), text).toBeNull();
    }
    // Mutations of valid documents: both must agree on every one.
    const next = random(42);
    const alphabet = '{}[],:"\\ 0123456789-+.eEtruefalsnl\tx';
    for (let i = 0; i < 3000; i += 1) {
      const base = samples[Math.floor(next() * samples.length)] as string;
      const at = Math.floor(next() * (base.length + 1));
      const char = alphabet[Math.floor(next() * alphabet.length)] as string;
      // (Through UTF-8 and back: a cut surrogate pair becomes U+FFFD, as it would on the wire.)
      const mutated = decode(utf8(next() < 0.5 ? base.slice(0, at) + char + base.slice(at) : base.slice(0, at) + base.slice(at + 1))) ?? '';
      let valid = true;
      try {
        JSON.parse(mutated);
      } catch {
        valid = false;
      }
      const pretty = prettyJsonBytes(utf8(mutated));
      expect(pretty !== null, mutated).toBe(valid);
      if (valid) expect(decode(pretty), mutated).toBe(prettyPrintJson(mutated));
    }
  });

  it('never changes a literal: only whitespace between tokens moves', () => {
    const input = '{"big":123456789012345678901234567890,"esc":"\\ud83d\\ude00\\n","f":1.50}';
    const pretty = decode(prettyJsonBytes(utf8(input))) ?? '';
    expect(pretty).toContain('123456789012345678901234567890');
    expect(pretty).toContain('"\\ud83d\\ude00\\n"');
    expect(pretty).toContain('1.50');
    expect(pretty.replace(/\n */g, '').replace(/": /g, '":')).toBe(input);
  });

  it('reports where each line starts and the longest line', () => {
    const starts = {
      values: new Uint32Array(16),
      length: 0,
      push(value: number) {
        this.values[this.length++] = value;
      },
      result() {
        return this.values.slice(0, this.length);
      },
    };
    const lines = { starts: starts as never, widest: 0 };
    const pretty = decode(prettyJsonBytes(utf8('{"a":1,"long":"xxxxxxxxxx"}'), 2, lines)) ?? '';
    expect(pretty).toBe('{\n  "a": 1,\n  "long": "xxxxxxxxxx"\n}');
    expect(Array.from(starts.result())).toEqual([0, 2, 12, 35]);
    expect(lines.widest).toBe('  "long": "xxxxxxxxxx"'.length);
  });
});

describe('layoutRows', () => {
  it('splits lines at LF, CRLF and a lone CR, and wraps long ones at the width', () => {
    const bytes = utf8('abcdefghij\r\nxy\rz\n\nlast');
    const layout = layoutRows(bytes, 4);
    expect(rowsOf(bytes, layout, 0, 100)).toEqual([
      { line: 1, text: 'abcd' },
      { line: null, text: 'efgh' },
      { line: null, text: 'ij' },
      { line: 2, text: 'xy' },
      { line: 3, text: 'z' },
      { line: 4, text: '' },
      { line: 5, text: 'last' },
    ]);
  });

  it('counts characters, not bytes, and never cuts a character in two', () => {
    const bytes = utf8('ééééé😀😀');
    const rows = rowsOf(bytes, layoutRows(bytes, 3), 0, 10);
    expect(rows.map((row) => row.text)).toEqual(['ééé', 'éé😀', '😀']);
    expect(rows.map((row) => row.text).join('')).toBe('ééééé😀😀');
  });

  it('gives a window of rows, clamped to the layout', () => {
    const bytes = utf8('1\n2\n3\n4\n5');
    const layout = layoutRows(bytes, 80);
    expect(layout.count).toBe(5);
    expect(rowsOf(bytes, layout, 3, 10)).toEqual([
      { line: 4, text: '4' },
      { line: 5, text: '5' },
    ]);
    expect(rowsOf(bytes, layout, 9, 10)).toEqual([]);
  });

  it('lays out an empty text as one empty line', () => {
    expect(layoutRows(new Uint8Array(0), 10).count).toBe(1);
  });
});

describe('BodyDocument', () => {
  it('opens JSON in Pretty, with whole lines as rows', () => {
    const document = new BodyDocument(utf8('{"event":"a","data":{"id":1}}'));
    expect(document.summary).toEqual({ size: 29, utf8: true, binary: false, json: true, defaultTab: 'pretty' });
    expect(document.rowsInfo('pretty', 20)).toEqual({ rows: 6, wrapped: false, widest: '  "event": "a",'.length });
    expect(document.rows('pretty', 20, 0, 3)).toEqual([
      { line: 1, text: '{' },
      { line: 2, text: '  "event": "a",' },
      { line: 3, text: '  "data": {' },
    ]);
    expect(document.fullText('pretty')).toBe(prettyPrintJson('{"event":"a","data":{"id":1}}'));
    // Raw is the bytes themselves, wrapped at the width.
    expect(document.rowsInfo('raw', 20)).toEqual({ rows: 2, wrapped: true, widest: 20 });
    expect(
      document
        .rows('raw', 20, 0, 5)
        .map((row) => row.text)
        .join(''),
    ).toBe('{"event":"a","data":{"id":1}}');
  });

  it('wraps Pretty too when a line is very long (a long string value)', () => {
    const long = 'x'.repeat(MAX_UNWRAPPED_LINE + 10);
    const document = new BodyDocument(utf8(JSON.stringify({ blob: long })));
    const info = document.rowsInfo('pretty', 100);
    expect(info.wrapped).toBe(true);
    const rows = document.rows('pretty', 100, 0, info.rows);
    expect(rows.every((row) => row.text.length <= 100)).toBe(true);
    expect(
      rows
        .map((row) => (row.line === null ? row.text : `\n${row.text}`))
        .join('')
        .slice(1),
    ).toBe(prettyPrintJson(JSON.stringify({ blob: long })));
  });

  it('opens text that is not JSON in Raw, and Pretty falls back to the text', () => {
    const document = new BodyDocument(utf8('a=1&b=2'));
    expect(document.summary).toMatchObject({ utf8: true, binary: false, json: false, defaultTab: 'raw' });
    expect(document.rows('pretty', 80, 0, 1)).toEqual([{ line: 1, text: 'a=1&b=2' }]);
    expect(document.copyPayload()).toEqual({ text: 'a=1&b=2', encoding: 'text' });
  });

  it('opens binary bytes in Hex, copies them as base64, and keeps invalid UTF-8 visible in Raw', () => {
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0x10, 0x80, 0x41, 0x42, 0x43, 0x0d, 0x0a, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a]);
    const document = new BodyDocument(bytes);
    expect(document.summary).toMatchObject({ size: 17, utf8: false, binary: true, json: false, defaultTab: 'hex' });
    expect(document.rowsInfo('hex', 80)).toEqual({ rows: 2, wrapped: false, widest: 78 });
    const hex = document.rows('hex', 80, 0, 2).map((row) => row.text);
    expect(hex.join('\n')).toBe(hexDump(bytes, bytes.length));
    expect(hex[0]).toBe('00000000  00 ff fe 10 80 41 42 43  0d 0a 44 45 46 47 48 49  |.....ABC..DEFGHI|');
    expect(document.fullText('hex')).toBe(hexDump(bytes, bytes.length));
    expect(document.copyPayload()).toEqual({ text: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
    expect(document.rows('raw', 80, 0, 1)[0]?.text).toContain('\uFFFD');
  });

  it('treats valid UTF-8 full of control characters as binary', () => {
    const document = new BodyDocument(new Uint8Array([0x01, 0x02, 0x03, 0x41]));
    expect(document.summary).toMatchObject({ utf8: true, binary: true, defaultTab: 'hex' });
    expect(document.copyPayload().encoding).toBe('base64');
  });

  it('handles the empty body', () => {
    const document = new BodyDocument(new Uint8Array(0));
    expect(document.summary).toEqual({ size: 0, utf8: true, binary: false, json: false, defaultTab: 'raw' });
    expect(document.rowsInfo('hex', 80).rows).toBe(0);
    expect(document.copyPayload()).toEqual({ text: '', encoding: 'text' });
  });

  it('keeps a BOM and CRLF exactly in Raw and in the copied text', () => {
    const text = '\uFEFF{"a":1}\r\n';
    const document = new BodyDocument(utf8(text));
    expect(document.summary.json).toBe(false); // JSON.parse refuses a BOM too
    expect(document.copyPayload()).toEqual({ text, encoding: 'text' });
    expect(document.rows('raw', 80, 0, 2)).toEqual([
      { line: 1, text: '\uFEFF{"a":1}' },
      { line: 2, text: '' },
    ]);
  });

  it('opens inline base64', () => {
    expect(
      BodyDocument.fromBase64(Buffer.from('[1,2]').toString('base64'))
        .rows('pretty', 80, 0, 10)
        .map((row) => row.text),
    ).toEqual(['[', '  1,', '  2', ']']);
  });

  // Its speed is measured by `npm run bench:ui`, not here: a unit test on a shared machine must not time.
  it('formats a multi-MB JSON body and pages through it', () => {
    const records = Array.from({ length: 40_000 }, (_, i) => ({ id: `rec_${i}`, score: i, note: 'café ✓' }));
    const text = JSON.stringify({ event: 'dataset.processed', data: { records } });
    const document = new BodyDocument(utf8(text));
    const info = document.rowsInfo('pretty', 120);
    const middle = document.rows('pretty', 120, Math.floor(info.rows / 2), 50);
    expect(text.length).toBeGreaterThan(1_900_000);
    expect(info.rows).toBe(prettyPrintJson(text)?.split('\n').length);
    expect(middle).toHaveLength(50);
    // The middle rows are the pretty text's middle lines, numbered as the editor would.
    const lines = prettyPrintJson(text)?.split('\n') ?? [];
    const from = Math.floor(info.rows / 2);
    expect(middle.map((row) => row.text)).toEqual(lines.slice(from, from + 50));
    expect(middle[0]?.line).toBe(from + 1);
  });
});

describe('visibleSegments', () => {
  it('shows control and invisible characters as stand-ins, and leaves text and tabs alone', () => {
    expect(visibleSegments('plain\ttext')).toEqual([{ text: 'plain\ttext', special: false }]);
    expect(visibleSegments('a\u0000b\uFEFFc\u200Bd\u00A0')).toEqual([
      { text: 'a', special: false },
      { text: '\u2400', special: true, title: 'U+0000' },
      { text: 'b', special: false },
      { text: '<U+FEFF>', special: true, title: 'U+FEFF' },
      { text: 'c', special: false },
      { text: '<U+200B>', special: true, title: 'U+200B' },
      { text: 'd', special: false },
      { text: '\u00b7', special: true, title: 'U+00A0 (non-breaking or wide space)' },
    ]);
  });
});
