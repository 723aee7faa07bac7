/**
 * The ways common languages write JSON, so the diagnosis can re-serialize a body the way a
 * sender (or a relay) might have: JSON.stringify, Python's json.dumps (`, ` and `: `
 * separators, \uXXXX for non-ASCII), Go's encoding/json (escapes < > &), PHP's json_encode
 * (escapes / and non-ASCII).
 */

export interface JsonStyle {
  name: string;
  itemSeparator: string;
  keySeparator: string;
  indent: string;
  sortKeys: boolean;
  escapeNonAscii: boolean;
  escapeHtml: boolean;
  escapeSlash: boolean;
}

const base: JsonStyle = { name: '', itemSeparator: ',', keySeparator: ':', indent: '', sortKeys: false, escapeNonAscii: false, escapeHtml: false, escapeSlash: false };
const style = (name: string, overrides: Partial<JsonStyle>): JsonStyle => ({ ...base, ...overrides, name });

export const JSON_STYLES: JsonStyle[] = [
  style('JSON.stringify(JSON.parse(body)) (compact)', {}),
  style('JSON.stringify(value, null, 2) (pretty, 2 spaces)', { keySeparator: ': ', indent: '  ' }),
  style('JSON.stringify(value, null, 4) (pretty, 4 spaces)', { keySeparator: ': ', indent: '    ' }),
  style('compact JSON with sorted keys', { sortKeys: true }),
  style('pretty JSON (2 spaces) with sorted keys', { keySeparator: ': ', indent: '  ', sortKeys: true }),
  style('Python json.dumps(value) (", " and ": " separators, \\uXXXX escapes)', { itemSeparator: ', ', keySeparator: ': ', escapeNonAscii: true }),
  style('Python json.dumps(value, ensure_ascii=False)', { itemSeparator: ', ', keySeparator: ': ' }),
  style('Python json.dumps(value, sort_keys=True)', { itemSeparator: ', ', keySeparator: ': ', sortKeys: true, escapeNonAscii: true }),
  style('Python json.dumps(value, separators=(",", ":")) (compact, \\uXXXX escapes)', { escapeNonAscii: true }),
  style('Python json.dumps(value, indent=2)', { keySeparator: ': ', indent: '  ', escapeNonAscii: true }),
  style('Python json.dumps(value, indent=4)', { keySeparator: ': ', indent: '    ', escapeNonAscii: true }),
  style("Go's json.Marshal (escapes <, > and & as \\u003c...)", { escapeHtml: true }),
  style("PHP's json_encode (escapes / and non-ASCII)", { escapeNonAscii: true, escapeSlash: true }),
];

const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

function encodeString(text: string, style: JsonStyle): string {
  let out = JSON.stringify(text);
  if (style.escapeNonAscii) out = out.replace(/[\u0080-\uffff]/g, (char) => hex4(char.charCodeAt(0)));
  if (style.escapeHtml) out = out.replace(/[<>&\u2028\u2029]/g, (char) => hex4(char.charCodeAt(0)));
  if (style.escapeSlash) out = out.replace(/\//g, '\\/');
  return out;
}

export function serializeJson(value: unknown, style: JsonStyle, depth = 0): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? encodeString(value, style) : JSON.stringify(value) ?? 'null';
  }
  const inner = style.indent ? `\n${style.indent.repeat(depth + 1)}` : '';
  const outer = style.indent ? `\n${style.indent.repeat(depth)}` : '';
  const separator = style.indent ? style.itemSeparator.trimEnd() : style.itemSeparator;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => inner + serializeJson(item, style, depth + 1)).join(separator)}${outer}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (style.sortKeys) keys.sort();
  const entries = keys.map((key) => `${inner}${encodeString(key, style)}${style.keySeparator}${serializeJson((value as Record<string, unknown>)[key], style, depth + 1)}`);
  return `{${entries.join(separator)}${outer}}`;
}
