/**
 * The ways common languages write JSON, so the diagnosis can re-serialize a body the way a
 * sender (or a relay) might have: JSON.stringify, Python's json.dumps (`, ` and `: `
 * separators, \uXXXX for non-ASCII), Go's encoding/json (escapes < > &), PHP's json_encode
 * (escapes / and non-ASCII). Built on the native JSON.stringify plus linear text passes: the
 * escapes are safe to apply to the whole text because JSON syntax outside strings is ASCII and
 * never contains <, >, & or /.
 */

const hex4 = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const escapeNonAscii = (json: string) => json.replace(/[\u0080-\uffff]/g, hex4);
const escapeHtml = (json: string) => json.replace(/[<>&\u2028\u2029]/g, hex4);
const escapeSlash = (json: string) => json.replace(/\//g, '\\/');

/** Compact JSON to Python's default separators (`, ` and `: `), outside strings only. */
function pythonSeparators(compact: string): string {
  let out = '';
  let inString = false;
  let last = 0;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x2c || code === 0x3a) {
      out += `${compact.slice(last, i + 1)} `;
      last = i + 1;
    }
  }
  return out + compact.slice(last);
}

const sortedKeys = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]]))
    : value;

/** Yields [description, text] lazily: the search stops at the first style that matches. */
export function* jsonStyles(value: unknown): Generator<[string, string]> {
  const compact = JSON.stringify(value);
  yield ['JSON.stringify(JSON.parse(body)) (compact)', compact];
  const pretty2 = JSON.stringify(value, null, 2);
  yield ['JSON.stringify(value, null, 2) (pretty, 2 spaces)', pretty2];
  yield ['JSON.stringify(value, null, 4) (pretty, 4 spaces)', JSON.stringify(value, null, 4)];
  const python = pythonSeparators(compact);
  yield ['Python json.dumps(value) (", " and ": " separators, \\uXXXX escapes)', escapeNonAscii(python)];
  yield ['Python json.dumps(value, ensure_ascii=False)', python];
  yield ['Python json.dumps(value, separators=(",", ":")) (compact, \\uXXXX escapes)', escapeNonAscii(compact)];
  const sorted = JSON.stringify(value, sortedKeys);
  yield ['compact JSON with sorted keys', sorted];
  yield ['Python json.dumps(value, sort_keys=True)', escapeNonAscii(pythonSeparators(sorted))];
  yield ['pretty JSON (2 spaces) with sorted keys', JSON.stringify(value, sortedKeys, 2)];
  yield ['Python json.dumps(value, indent=2)', escapeNonAscii(pretty2)];
  yield ["Go's json.Marshal (escapes <, > and & as \\u003c...)", escapeHtml(compact)];
  yield ["PHP's json_encode (escapes / and non-ASCII)", escapeSlash(escapeNonAscii(compact))];
}
