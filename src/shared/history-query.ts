/**
 * The history search language of GET /api/requests?q=...: parsed here into a QueryNode tree that
 * the engine compiles to SQLite FTS5 + SQL and that the UI reads for help and suggestions. It lives
 * in shared/ (no node: imports) so that the renderer can check a query as it is typed with exactly
 * the parser the engine will run.
 *
 * Language
 * - Terms are separated by whitespace and combine with AND.
 * - `OR` (uppercase, a word of its own) between two terms makes an OR. OR binds tighter than the
 *   implicit AND: `a b OR c` is a AND (b OR c); `a OR b OR c` is one OR. `or` in lowercase, or
 *   `"OR"` in quotes, is searched for as text.
 * - Parentheses group: `(verdict:invalid OR status:5xx) method:POST`.
 * - `-` directly before a term or a group negates it: `-verdict:valid`, `-(a b)`. A `-` followed by
 *   a space, a `)` or the end of the query is an error. Inside a word (`needle-42`) it is text.
 * - Free words (`needle`) and "quoted phrases" search the captured text; both go through
 *   tokenizeText, so `needle-42` searches the tokens needle and 42. Inside quotes `\"` is a literal
 *   quote and `\\` a literal backslash (so a phrase or value can end in a backslash).
 * - Qualifiers are `key:value`; the key is case-insensitive and the value may be quoted
 *   (`event:"a b"`, `header:"X-Note=two words"`). See QUALIFIERS in history-qualifiers.ts for
 *   every key. A word
 *   whose part before the first `:` is letters only is always a qualifier attempt, so an unknown
 *   key (`https://x`) is an error that suggests quoting; other words with a colon (`12:30`,
 *   `/a:b`) are free text, as is anything quoted (`"foo:bar"`).
 * - since:/until: take an ISO 8601 date or date-time (`2026-12-06`, `2026-12-06T10:00`,
 *   `2026-12-06T10:00:00Z`, `...+02:00`; without a zone it is local time, a bare date meaning local
 *   midnight) or a relative time `30s`, `15m`, `2h`, `7d`, `2w` meaning that long before now
 *   (`m` is minutes).
 * - size: takes an optional operator (>, >=, <, <=, =; none means =), a number (decimals allowed,
 *   rounded to whole bytes) and an optional unit b, kb, mb or gb (1024-based, case-insensitive).
 * The tree is simplified: an AND/OR of one item is that item, nested ANDs and nested ORs flatten.
 */
import { QUALIFIERS } from './history-qualifiers';
import { lex, type Segment, type Token } from './history-query-lexer';
import { QuerySyntaxError, quote, type QueryNode } from './history-query-tree';

/** The text tokenizer shared by the search indexer and the query: lowercase, split on every char that is not a Unicode letter or number (\p{L}\p{N}); empty tokens dropped. 'Needle-42 café_x' -> ['needle','42','café','x']. */
export function tokenizeText(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

function combine(kind: 'and' | 'or', items: QueryNode[]): QueryNode {
  const flat = items.flatMap((item) => (item.kind === kind ? item.items : [item]));
  return flat.length === 1 ? flat[0]! : { kind, items: flat };
}

function readWord(segments: Segment[], source: string, now: number): QueryNode {
  const first = segments[0];
  const key = first && !first.quoted ? /^([A-Za-z]+):/.exec(first.text) : null;
  if (first && key) {
    const value =
      first.text.slice(key[0].length) +
      segments
        .slice(1)
        .map((segment) => segment.text)
        .join('');
    const qualifier = QUALIFIERS.find((entry) => entry.key === key[1]!.toLowerCase());
    if (!qualifier) {
      const keys = QUALIFIERS.map((entry) => entry.key).join(', ');
      throw new QuerySyntaxError(
        `unknown qualifier ${quote(key[1]!)}; use one of ${keys} or put the text in quotes to search for it`,
        source,
      );
    }
    const term = value === '' ? null : qualifier.read(value, now);
    if (!term) {
      const got = value === '' ? 'nothing' : quote(value);
      throw new QuerySyntaxError(`${qualifier.key}: expected ${qualifier.expected}, got ${got}`, source);
    }
    return { kind: 'term', term, source };
  }
  const text = segments.map((segment) => segment.text).join('');
  const tokens = tokenizeText(text);
  if (tokens.length === 0) throw new QuerySyntaxError(`${quote(text)} has no letters or digits to search for`, source);
  return { kind: 'term', term: { kind: 'text', tokens, phrase: segments.some((segment) => segment.quoted) }, source };
}

/**
 * Bounds that keep one query from costing the engine seconds (every term is a lookup, and SQLite's
 * full-text parser refuses expressions nested too deeply): far beyond what a person types.
 */
export const MAX_QUERY_TERMS = 64;
export const MAX_QUERY_DEPTH = 16;

/** null when the query is empty or only whitespace. `now` (epoch ms) resolves relative times. */
export function parseHistoryQuery(input: string, now: number): QueryNode | null {
  const tokens = lex(input);
  const terms = tokens.filter((token) => token.type === 'word').length;
  if (terms > MAX_QUERY_TERMS) {
    throw new QuerySyntaxError(`too many terms (${terms}); a query takes at most ${MAX_QUERY_TERMS}`, input.slice(0, 40));
  }
  let pos = 0;
  let depth = 0;
  const orMisplaced = (): QuerySyntaxError => new QuerySyntaxError('OR must stand between two terms', 'OR');

  // sequence := or* (up to a ")" or the end); or := unary ("OR" unary)*; unary := "-" unary | "(" sequence ")" | word
  const sequence = (): QueryNode[] => {
    const items: QueryNode[] = [];
    while (pos < tokens.length && tokens[pos]!.type !== ')') items.push(or());
    return items;
  };
  const or = (): QueryNode => {
    const items = [unary()];
    while (tokens[pos]?.type === 'OR') {
      pos++;
      items.push(unary());
    }
    return combine('or', items);
  };
  const deeper = (token: Token): void => {
    if (++depth > MAX_QUERY_DEPTH) {
      const from = input.slice(token.start, token.start + 40);
      throw new QuerySyntaxError(`nested too deeply at ${quote(from)}; use at most ${MAX_QUERY_DEPTH} levels of "(" and "-"`, from);
    }
  };
  const unary = (): QueryNode => {
    const token = tokens[pos++];
    // Only reachable after an OR or a "-": lex refuses a "-" before ")" or the end.
    if (!token || token.type === 'OR' || token.type === ')') throw orMisplaced();
    if (token.type === 'word') return readWord(token.segments, input.slice(token.start, token.end), now);
    deeper(token);
    try {
      if (token.type === '-') {
        const item = unary();
        // --x is x.
        return item.kind === 'not' ? item.item : { kind: 'not', item };
      }
      return group(token);
    } finally {
      depth--;
    }
  };
  const group = (token: Token): QueryNode => {
    const items = sequence();
    const close = tokens[pos];
    if (!close) {
      const open = input.slice(token.start).trimEnd();
      throw new QuerySyntaxError(`missing ")" after ${quote(open)}`, open);
    }
    pos++;
    if (items.length === 0) {
      const empty = input.slice(token.start, close.end);
      throw new QuerySyntaxError(`nothing between the parentheses in ${quote(empty)}; put a term inside or remove them`, empty);
    }
    return combine('and', items);
  };

  const items = sequence();
  if (pos < tokens.length) {
    throw new QuerySyntaxError('unmatched ")"; remove it or add a "(" before it', ')');
  }
  return items.length === 0 ? null : combine('and', items);
}
