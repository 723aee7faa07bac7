/**
 * JSON as written: keys in their order (duplicates too) and numbers as their text. JSON.parse
 * loses both (V8 moves integer-like keys first and rounds 20-digit integers and 1.0 to doubles),
 * so Python's or PHP's way of writing the same payload could not be rebuilt from its value.
 */

export type JsonMember = [key: string, literal: string, value: JsonNode];

export type JsonNode =
  /** Members as a dict or a Map holds them: a duplicate key keeps its first place and its last value. */
  | { kind: 'object'; entries: JsonMember[]; sorted?: JsonMember[]; javascript?: JsonMember[] }
  | { kind: 'array'; items: JsonNode[] }
  /** The string as JSON.stringify writes it, computed once for every writer. */
  | { kind: 'string'; literal: string }
  | { kind: 'number'; text: string }
  | { kind: 'literal'; text: string };

const LONE_SURROGATE = /[\ud800-\udfff]/;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Parses text JSON.parse has accepted; null when it cannot (nesting too deep for the stack). */
export function parseJsonTree(text: string): JsonNode | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  /** The string token at i, quotes included; jumps from quote to quote (most strings have no escapes). */
  const string = (): string => {
    const start = i;
    let end = text.indexOf('"', i + 1);
    for (;;) {
      if (end < 0) throw new SyntaxError('unterminated string');
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    i = end + 1;
    return text.slice(start, i);
  };
  /** JSON.stringify's form of a string token: the token itself unless it has escapes to normalise. */
  const literal = (token: string) => (token.includes('\\') || LONE_SURROGATE.test(token) ? JSON.stringify(JSON.parse(token)) : token);
  const value = (): JsonNode => {
    skip();
    const char = text[i];
    if (char === '{') {
      i++;
      const members = new Map<string, JsonMember>();
      skip();
      if (text[i] === '}') return (i++, { kind: 'object', entries: [] });
      for (;;) {
        skip();
        const token = string();
        const key = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
        skip();
        i++; // the colon
        const node = value();
        const first = members.get(key);
        if (first) first[2] = node;
        else members.set(key, [key, literal(token), node]);
        skip();
        if (text[i++] === '}') return { kind: 'object', entries: [...members.values()] };
      }
    }
    if (char === '[') {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') return (i++, { kind: 'array', items });
      for (;;) {
        items.push(value());
        skip();
        if (text[i++] === ']') return { kind: 'array', items };
      }
    }
    if (char === '"') return { kind: 'string', literal: literal(string()) };
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && !',]}'.includes(text[i] as string)) i++;
    const token = text.slice(start, i);
    if (token === '') throw new SyntaxError(`unexpected character at ${i}`);
    return token === 'true' || token === 'false' || token === 'null' ? { kind: 'literal', text: token } : { kind: 'number', text: token };
  };
  try {
    return value();
  } catch {
    return null;
  }
}
