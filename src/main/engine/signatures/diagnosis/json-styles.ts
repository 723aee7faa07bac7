/**
 * The ways common languages write JSON, so the diagnosis can re-serialize a body the way a
 * sender (or a relay) might have and say which one did: JavaScript's JSON.stringify, Python's
 * json.dumps (`, ` and `: ` separators, \uXXXX for non-ASCII, sort_keys), Go's encoding/json
 * (maps sorted, < > & escaped), PHP's json_encode (/ and non-ASCII escaped). Each writes the
 * tree as parsed (json-tree.ts), so key order and number text follow the writer, not V8.
 */
import { parseJsonTree, type JsonMember, type JsonNode } from './json-tree';

type KeyOrder = 'as-written' | 'javascript' | 'sorted';
type NumberStyle = 'as-written' | 'javascript' | 'python';
type Escape = 'none' | 'ascii' | 'html' | 'php';

interface Writer {
  /** How the sender wrote it, for the message: names the call and what it changes. */
  how: string;
  keys: KeyOrder;
  numbers: NumberStyle;
  escape: Escape;
  /** Python's default separators (`, ` and `: `) rather than compact ones. */
  spaced?: boolean;
  indent?: number;
}

const hex4 = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const escapeNonAscii = (json: string) => json.replace(/[\u0080-\uffff]/g, hex4);
const ESCAPES: Record<Escape, (literal: string) => string> = {
  none: (literal) => literal,
  // Python's ensure_ascii escapes everything outside space..~, DEL included.
  ascii: (literal) => literal.replace(/[\u007f-\uffff]/g, hex4),
  html: (literal) => literal.replace(/[<>&\u2028\u2029]/g, hex4),
  php: (literal) => escapeNonAscii(literal).replace(/\//g, '\\/'),
};

const PY_SORTED = 'keys sorted, ", " and ": " separators, non-ASCII escaped as \\uXXXX';
const GO_ESCAPES = '<, > and & escaped as \\u003c, \\u003e and \\u0026';

/** Cheapest and most common first; the search stops at the first that matches. */
export const JSON_WRITERS: readonly Writer[] = [
  {
    how: 'JSON.stringify(JSON.parse(body)) (compact; JavaScript also moves integer-like keys first and rounds numbers to doubles)',
    keys: 'javascript',
    numbers: 'javascript',
    escape: 'none',
  },
  { how: 'JSON.stringify(payload, null, 2) (pretty, 2 spaces)', keys: 'javascript', numbers: 'javascript', escape: 'none', indent: 2 },
  { how: 'JSON.stringify(payload, null, 4) (pretty, 4 spaces)', keys: 'javascript', numbers: 'javascript', escape: 'none', indent: 4 },
  {
    how: `Python's json.dumps(payload) (", " and ": " separators, non-ASCII escaped as \\uXXXX)`,
    keys: 'as-written',
    numbers: 'python',
    escape: 'ascii',
    spaced: true,
  },
  {
    how: `Python's json.dumps(payload, ensure_ascii=False) (", " and ": " separators)`,
    keys: 'as-written',
    numbers: 'python',
    escape: 'none',
    spaced: true,
  },
  {
    how: `Python's json.dumps(payload, separators=(",", ":")) (compact, non-ASCII escaped as \\uXXXX)`,
    keys: 'as-written',
    numbers: 'python',
    escape: 'ascii',
  },
  {
    how: 'JavaScript with sorted keys (JSON.stringify over sorted keys, as json-stable-stringify does): keys sorted, compact',
    keys: 'sorted',
    numbers: 'javascript',
    escape: 'none',
  },
  { how: `Python's json.dumps(payload, sort_keys=True): ${PY_SORTED}`, keys: 'sorted', numbers: 'python', escape: 'ascii', spaced: true },
  {
    how: `Python's json.dumps(payload, sort_keys=True, separators=(",", ":")): keys sorted, compact, non-ASCII escaped as \\uXXXX`,
    keys: 'sorted',
    numbers: 'python',
    escape: 'ascii',
  },
  {
    how: `Go's encoding/json marshalling a map (map[string]any): keys sorted, compact, ${GO_ESCAPES}, numbers as float64`,
    keys: 'sorted',
    numbers: 'javascript',
    escape: 'html',
  },
  {
    how: `Go's encoding/json marshalling a struct (json.Marshal): compact, ${GO_ESCAPES}`,
    keys: 'as-written',
    numbers: 'as-written',
    escape: 'html',
  },
  { how: 'JavaScript with sorted keys, pretty (2 spaces)', keys: 'sorted', numbers: 'javascript', escape: 'none', indent: 2 },
  {
    how: "Python's json.dumps(payload, indent=2) (non-ASCII escaped as \\uXXXX)",
    keys: 'as-written',
    numbers: 'python',
    escape: 'ascii',
    indent: 2,
  },
  {
    how: `Python's json.dumps(payload, indent=2, sort_keys=True): keys sorted, pretty, non-ASCII escaped as \\uXXXX`,
    keys: 'sorted',
    numbers: 'python',
    escape: 'ascii',
    indent: 2,
  },
  {
    how: "PHP's json_encode($payload) (compact, / escaped as \\/ and non-ASCII as \\uXXXX)",
    keys: 'as-written',
    numbers: 'python',
    escape: 'php',
  },
];

/** Python's repr of a float (json.dumps writes floats so): `1.0`, `1e-07`, `1e+16`. */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')}.${digits.slice(exponent + 1) || '0'}`;
}

const PLAIN_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;

function numberText(text: string, style: NumberStyle): string {
  // Short integers read the same in every language: the common case, without a conversion.
  if (style === 'as-written' || PLAIN_INTEGER.test(text)) return text;
  if (style === 'javascript') return JSON.stringify(Number(text));
  // Python keeps integers exact (arbitrary precision) and writes floats with repr.
  return /^-?\d+$/.test(text) ? text : pythonFloat(Number(text));
}

const isArrayIndex = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/** The members in the writer's order, computed once per object for all writers. */
function members(node: Extract<JsonNode, { kind: 'object' }>, order: KeyOrder): JsonMember[] {
  if (order === 'as-written') return node.entries;
  // Python and Go compare code points; JavaScript's sort compares UTF-16 units: they differ only past U+FFFF.
  if (order === 'sorted') return (node.sorted ??= [...node.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (!node.javascript) {
    // V8 enumerates integer-like keys first, ascending, then the others as inserted.
    const indices = node.entries.filter(([key]) => isArrayIndex(key));
    node.javascript =
      indices.length === 0
        ? node.entries
        : [...indices.sort(([a], [b]) => Number(a) - Number(b)), ...node.entries.filter(([key]) => !isArrayIndex(key))];
  }
  return node.javascript;
}

export function writeJson(node: JsonNode, writer: Writer): string {
  const escape = ESCAPES[writer.escape];
  const itemSeparator = writer.indent ? ',' : writer.spaced ? ', ' : ',';
  const keySeparator = writer.indent || writer.spaced ? ': ' : ':';
  const write = (current: JsonNode, depth: number): string => {
    switch (current.kind) {
      case 'string':
        return escape(current.literal);
      case 'number':
        return numberText(current.text, writer.numbers);
      case 'literal':
        return current.text;
      default: {
        const parts =
          current.kind === 'array'
            ? current.items.map((item) => write(item, depth + 1))
            : members(current, writer.keys).map(([, key, value]) => `${escape(key)}${keySeparator}${write(value, depth + 1)}`);
        const [open, close] = current.kind === 'array' ? ['[', ']'] : ['{', '}'];
        if (parts.length === 0) return open + close;
        if (!writer.indent) return open + parts.join(itemSeparator) + close;
        const inner = `\n${' '.repeat(writer.indent * (depth + 1))}`;
        return `${open}${inner}${parts.join(`,${inner}`)}\n${' '.repeat(writer.indent * depth)}${close}`;
      }
    }
  };
  return write(node, 0);
}

/** Compact JSON to Python's default separators (`, ` and `: `), outside strings only. */
function pythonSeparators(compact: string): string {
  let out = '';
  let inString = false;
  let last = 0;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // skip the escaped character
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

/** A copy of a parsed value with every object's keys in sorted order (no integer-like keys here). */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * True when JSON.parse's value can stand for the text in every writer: no integer-like key (V8
 * would move it) and every number written as JavaScript and Python both write it back. Digits
 * inside strings may answer false needlessly; the tree then does the same work, slower.
 */
function nativeWritable(text: string): boolean {
  if (/"(?:0|[1-9]\d*)"\s*:/.test(text)) return false;
  // Only fractions, exponents and long integers can be written differently.
  for (const [token] of text.matchAll(/-?\d+(?:\.\d+(?:[eE][+-]?\d+)?|[eE][+-]?\d+)|-?\d{16,}/g)) {
    if (JSON.stringify(Number(token)) !== token || (!/^-?\d+$/.test(token) && pythonFloat(Number(token)) !== token)) return false;
  }
  return true;
}

/**
 * The writers on JSON.parse's value with native JSON.stringify and linear passes, several times
 * faster than the tree; each distinct stringify (sorted or not, indent) runs once for all writers.
 * The escapes apply to the whole text because JSON syntax outside strings is ASCII without <, >, & or /.
 */
function* writeNative(value: unknown): Generator<[string, string]> {
  let sorted: unknown;
  const bases = new Map<string, string>();
  for (const writer of JSON_WRITERS) {
    const key = `${writer.keys === 'sorted'}:${writer.indent ?? 0}`;
    let base = bases.get(key);
    if (base === undefined) {
      const source = writer.keys === 'sorted' ? (sorted ??= sortedCopy(value)) : value;
      bases.set(key, (base = JSON.stringify(source, null, writer.indent)));
    }
    yield [writer.how, ESCAPES[writer.escape](writer.spaced && !writer.indent ? pythonSeparators(base) : base)];
  }
}

const TREE_LIMIT = 64 * 1024;

/** Yields [how, text] lazily for JSON text: the search stops at the first writer that matches. */
export function* jsonStyles(text: string): Generator<[string, string]> {
  // The exact tree costs about 1 ms of CPU per KiB for all writers; above 64 KiB the native
  // writers stand in (exact unless integer-like keys or numbers such as 1.0 are involved).
  if (text.length > TREE_LIMIT || nativeWritable(text)) {
    yield* writeNative(JSON.parse(text) as unknown);
    return;
  }
  const tree = parseJsonTree(text);
  if (tree) for (const writer of JSON_WRITERS) yield [writer.how, writeJson(tree, writer)];
}
