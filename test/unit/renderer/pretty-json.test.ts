import { describe, expect, it } from 'vitest';
import { prettyPrintJson } from '../../../src/renderer/src/lib/pretty-json';

/** Removes whitespace outside strings: both texts must carry the same tokens, byte for byte. */
function tokens(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (!/[ \t\n\r]/.test(char)) out += char;
  }
  return out;
}

describe('prettyPrintJson', () => {
  it('re-indents objects and arrays with the given indent', () => {
    expect(prettyPrintJson('{"a":1,"b":[true,null]}')).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    expect(prettyPrintJson('[1,2]', '\t')).toBe('[\n\t1,\n\t2\n]');
  });

  it('keeps big integers, number spellings and escapes exactly as they arrived', () => {
    const input = '{"id":12345678901234567890123,"f":1.0,"e":1E+2,"n":-0,"s":"caf\\u00e9 \\/ \\"q\\" \\\\"}';
    const pretty = prettyPrintJson(input);
    expect(pretty).toContain('"id": 12345678901234567890123,');
    expect(pretty).toContain('"f": 1.0,');
    expect(pretty).toContain('"e": 1E+2,');
    expect(pretty).toContain('"n": -0,');
    expect(pretty).toContain('"s": "caf\\u00e9 \\/ \\"q\\" \\\\"');
    expect(tokens(pretty ?? '')).toBe(tokens(input));
    // JSON.stringify(JSON.parse()) would have rounded and unescaped: the helper must not.
    expect(pretty).not.toContain('12345678901234567000000');
  });

  it('leaves structural characters and whitespace inside strings alone', () => {
    const input = '{"a":"x, {y}: [z]  \\t","b":"\\\\","c":2}';
    expect(prettyPrintJson(input)).toBe('{\n  "a": "x, {y}: [z]  \\t",\n  "b": "\\\\",\n  "c": 2\n}');
  });

  it('keeps empty containers on one line, even with whitespace inside', () => {
    expect(prettyPrintJson('{"a":{},"b":[ \n ],"c":[{}]}')).toBe('{\n  "a": {},\n  "b": [],\n  "c": [\n    {}\n  ]\n}');
    expect(prettyPrintJson('[]')).toBe('[]');
    expect(prettyPrintJson(' { } ')).toBe('{}');
  });

  it('re-indents already pretty or oddly spaced input to the same result', () => {
    const compact = '{"event":"project.created","data":{"id":"proj_1","tags":["a","b"]}}';
    const spaced = '{ "event" :\t"project.created",\r\n "data": { "id" : "proj_1", "tags" : [ "a" , "b" ] } }';
    expect(prettyPrintJson(spaced)).toBe(prettyPrintJson(compact));
    expect(prettyPrintJson(prettyPrintJson(compact) ?? '')).toBe(prettyPrintJson(compact));
  });

  it('keeps scalars and non-ASCII text untouched', () => {
    expect(prettyPrintJson('"  spaced  "')).toBe('"  spaced  "');
    expect(prettyPrintJson('42')).toBe('42');
    expect(prettyPrintJson('{"name":"Zoë 🚀"}')).toBe('{\n  "name": "Zoë 🚀"\n}');
  });

  it('returns null for text that is not JSON', () => {
    expect(prettyPrintJson('{"a":1,}')).toBeNull();
    expect(prettyPrintJson('')).toBeNull();
    expect(prettyPrintJson('\uFEFF{"a":1}')).toBeNull();
    expect(prettyPrintJson("{'a':1}")).toBeNull();
  });
});
