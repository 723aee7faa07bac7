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
 *   (`event:"a b"`, `header:"X-Note=two words"`). See QUALIFIERS below for every key. A word
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
import type { Verdict } from './api';

const HISTORY_FLAGS = ['dup', 'aborted', 'imported', 'truncated', 'pinned', 'handshake'] as const;
export type HistoryFlag = (typeof HISTORY_FLAGS)[number];
export type SizeOp = '>' | '>=' | '<' | '<=' | '=';

export type QueryTerm =
  | { kind: 'text'; tokens: string[]; phrase: boolean }
  | { kind: 'method'; value: string }
  | { kind: 'path'; pattern: string }
  | { kind: 'status'; code: number }
  | { kind: 'status_class'; digit: number }
  | { kind: 'verdict'; value: Verdict }
  | { kind: 'reason'; value: string }
  | { kind: 'event'; pattern: string }
  | { kind: 'endpoint'; value: string }
  | { kind: 'scheme'; value: string }
  | { kind: 'header'; name: string; value: string | null }
  | { kind: 'since'; at: number }
  | { kind: 'until'; at: number }
  | { kind: 'is'; flag: HistoryFlag }
  | { kind: 'size'; op: SizeOp; bytes: number };

export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; term: QueryTerm; source: string };

/** A query that cannot be read; `message` names the bad term and what would be valid. */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
  constructor(
    message: string,
    readonly term: string,
  ) {
    super(message);
  }
}

/** The text tokenizer shared by the search indexer and the query: lowercase, split on every char that is not a Unicode letter or number (\p{L}\p{N}); empty tokens dropped. 'Needle-42 café_x' -> ['needle','42','café','x']. */
export function tokenizeText(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** One entry per qualifier, for the UI's help and suggestions and the README. */
export interface QualifierHelp {
  key: string;
  syntax: string;
  values: string[];
  example: string;
  help: string;
}

// A Record rather than a list so that a verdict added to api.ts fails to compile until it is listed.
const VERDICT_SET: Record<Verdict, true> = { valid: true, invalid: true, unverifiable: true };
const VERDICTS = Object.keys(VERDICT_SET) as Verdict[];

// Suggestions only: reason: accepts any well-formed code so that a query never breaks when the
// verifier learns a new one.
const REASON_CODES = [
  'signature_mismatch',
  'timestamp_expired',
  'timestamp_future',
  'timestamp_malformed',
  'missing_header',
  'malformed_header',
  'no_secret',
  'scheme_unavailable',
  'body_reserialized',
  'body_incomplete',
  'body_truncated',
  'timestamp_milliseconds',
  'timestamp_seconds',
  'secret_whitespace',
  'wrong_algorithm',
  'signature_encoding',
  'secret_format',
  'key_format',
  'body_decoded_as_text',
  'body_hash_mismatch',
  'signed_content',
  'unknown_scheme',
  'custom_scheme_invalid',
  'endpoint_deleted',
];

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RELATIVE_UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
const SIZE_UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const TIME_EXPECTED = 'an ISO 8601 date such as 2026-12-06T10:00 or a relative time such as 15m, 2h or 7d';

/** JSON quoting, so a value holding a quote or backslash still reads unambiguously in a message. */
const quote = (text: string): string => JSON.stringify(text);

/** 'a, b or c' */
function oneOf(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

/** The term made from a value that was read, or null when it was not. */
const termOf = <T>(read: T | null | undefined, make: (read: T) => QueryTerm): QueryTerm | null =>
  read === null || read === undefined ? null : make(read);

function pick<T extends string>(choices: readonly T[], value: string): T | undefined {
  const lower = value.toLowerCase();
  return choices.find((choice) => choice === lower);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Epoch ms of a since:/until: value, or null. ISO values are taken apart here rather than handed to
 * Date.parse, whose leniency differs between engines and which reads a bare date as UTC while a
 * user typing since:2026-12-06 means their own midnight.
 */
function readTime(value: string, now: number): number | null {
  const relative = /^(\d+)([smhdw])$/i.exec(value);
  if (relative) return now - Number(relative[1]) * (RELATIVE_UNIT_MS[relative[2]!.toLowerCase()] ?? NaN);
  const m = ISO_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8]?.toUpperCase();
  // setFullYear, not the Date constructor, which maps years 0..99 to 1900..1999.
  const at = new Date(0);
  if (zone === undefined) {
    at.setFullYear(year, month - 1, day);
    at.setHours(hour, minute, second, ms);
    return at.getTime();
  }
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, ms);
  if (zone === 'Z') return at.getTime();
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(3).replace(':', '') || '0');
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  return at.getTime() - (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 6e4;
}

interface Qualifier extends Omit<QualifierHelp, 'values'> {
  values: readonly string[];
  /** What a valid value looks like, for `<key>: expected <expected>, got "<value>"`. */
  expected: string;
  /** The term for a non-empty value, or null when the value is not valid. */
  read(value: string, now: number): QueryTerm | null;
}

// Every fact about a key lives in its entry: validation, error text and the UI's help.
const QUALIFIERS: readonly Qualifier[] = [
  {
    key: 'method',
    syntax: 'method:<METHOD>',
    values: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'],
    example: 'method:PUT',
    help: 'HTTP method of the request (case-insensitive)',
    expected: 'an HTTP method of letters only such as POST',
    read: (v) => (/^[A-Za-z]+$/.test(v) ? { kind: 'method', value: v.toUpperCase() } : null),
  },
  {
    key: 'path',
    syntax: 'path:/<prefix>',
    values: [],
    example: 'path:/webhooks/stripe',
    help: 'Request path starting with this prefix; * matches any characters',
    expected: 'a path starting with "/" such as /webhooks/stripe',
    read: (v) => (v.startsWith('/') ? { kind: 'path', pattern: v } : null),
  },
  {
    key: 'status',
    syntax: 'status:<code> | status:<digit>xx',
    values: ['2xx', '4xx', '5xx'],
    example: 'status:4xx',
    help: 'Status code the request was answered with, or its class',
    expected: 'a status code from 100 to 599 or a class from 1xx to 5xx',
    read: (v) => {
      const cls = /^([1-5])xx$/i.exec(v);
      if (cls) return { kind: 'status_class', digit: Number(cls[1]) };
      return /^\d{3}$/.test(v) && Number(v) >= 100 && Number(v) <= 599 ? { kind: 'status', code: Number(v) } : null;
    },
  },
  {
    key: 'verdict',
    syntax: `verdict:${VERDICTS.join('|')}`,
    values: VERDICTS,
    example: 'verdict:invalid',
    help: 'Outcome of signature verification',
    expected: oneOf(VERDICTS),
    read: (v) => termOf(pick(VERDICTS, v), (value) => ({ kind: 'verdict', value })),
  },
  {
    key: 'reason',
    syntax: 'reason:<code>',
    values: REASON_CODES,
    example: 'reason:timestamp_expired',
    help: 'Why verification failed, or the diagnosis found for it',
    expected: 'a reason code of letters, digits and "_" such as timestamp_expired',
    read: (v) => (/^[A-Za-z0-9_]+$/.test(v) ? { kind: 'reason', value: v.toLowerCase() } : null),
  },
  {
    key: 'event',
    syntax: 'event:<type>',
    values: [],
    example: 'event:model.*',
    help: 'Event type of the payload; * matches any characters',
    expected: 'an event type such as model.created or model.*',
    read: (v) => ({ kind: 'event', pattern: v }),
  },
  {
    key: 'endpoint',
    syntax: 'endpoint:<id or name>',
    values: [],
    example: 'endpoint:stripe',
    help: 'Endpoint that received the request, by id or name',
    expected: 'an endpoint id or name',
    read: (v) => ({ kind: 'endpoint', value: v }),
  },
  {
    key: 'scheme',
    syntax: 'scheme:<id>',
    values: [],
    example: 'scheme:github',
    help: 'Signature scheme the request was verified with',
    expected: 'a scheme id of letters, digits, "_" and "-" such as github',
    read: (v) => (/^[A-Za-z0-9_-]+$/.test(v) ? { kind: 'scheme', value: v.toLowerCase() } : null),
  },
  {
    key: 'header',
    syntax: 'header:<name> | header:<name>=<value>',
    values: [],
    example: 'header:x-github-event=push',
    help: 'Request has this header, or has it with exactly this value',
    expected: 'a header name such as x-github-event, optionally followed by =value',
    read: (v) => {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      return HTTP_TOKEN.test(name) ? { kind: 'header', name: name.toLowerCase(), value: eq < 0 ? null : v.slice(eq + 1) } : null;
    },
  },
  {
    key: 'since',
    syntax: 'since:<ISO date> | since:<n>s|m|h|d|w',
    values: [],
    example: 'since:2h',
    help: 'Received at or after this time; 2h means two hours ago',
    expected: TIME_EXPECTED,
    read: (v, now) => termOf(readTime(v, now), (at) => ({ kind: 'since', at })),
  },
  {
    key: 'until',
    syntax: 'until:<ISO date> | until:<n>s|m|h|d|w',
    values: [],
    example: 'until:2026-12-06T10:00',
    help: 'Received at or before this time; 7d means seven days ago',
    expected: TIME_EXPECTED,
    read: (v, now) => termOf(readTime(v, now), (at) => ({ kind: 'until', at })),
  },
  {
    key: 'is',
    syntax: `is:${HISTORY_FLAGS.join('|')}`,
    values: HISTORY_FLAGS,
    example: 'is:pinned',
    help: 'Duplicate delivery, aborted upload, imported, truncated body, pinned, or a handshake the receiver answered',
    expected: oneOf(HISTORY_FLAGS),
    read: (v) => termOf(pick(HISTORY_FLAGS, v), (flag) => ({ kind: 'is', flag })),
  },
  {
    key: 'size',
    syntax: 'size:[>|>=|<|<=|=]<n>[b|kb|mb|gb]',
    values: [],
    example: 'size:>1mb',
    help: 'Body size; units are 1024-based, no operator means exactly',
    expected: 'a size such as >1mb, >=512kb, <100 or 2kb',
    read: (v) => {
      const m = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?|\.\d+)(b|kb|mb|gb)?$/i.exec(v);
      if (!m) return null;
      const unit = SIZE_UNIT_BYTES[(m[3] ?? 'b').toLowerCase()] ?? NaN;
      return { kind: 'size', op: (m[1] ?? '=') as SizeOp, bytes: Math.round(Number(m[2]) * unit) };
    },
  },
];

export const HISTORY_QUALIFIERS: QualifierHelp[] = QUALIFIERS.map(({ key, syntax, values, example, help }) => ({
  key,
  syntax,
  values: [...values],
  example,
  help,
}));

/** Bare text and "quoted" parts of one whitespace-separated word, unquoted. */
interface Segment {
  text: string;
  quoted: boolean;
}

type Token =
  { type: '(' | ')' | 'OR' | '-'; start: number; end: number } | { type: 'word'; start: number; end: number; segments: Segment[] };

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char);

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (isSpace(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char, start: i, end: ++i });
    } else if (char === '-') {
      const next = input[i + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        throw new QuerySyntaxError('"-" must stand directly before a term or a parenthesised group, as in -verdict:valid', '-');
      }
      tokens.push({ type: '-', start: i, end: ++i });
    } else {
      // A word runs to whitespace or a parenthesis, except inside quotes, which may hold both.
      const start = i;
      const segments: Segment[] = [];
      let bare = '';
      while (i < input.length && !isSpace(input[i]) && input[i] !== '(' && input[i] !== ')') {
        if (input[i] !== '"') {
          bare += input[i++];
          continue;
        }
        if (bare) segments.push({ text: bare, quoted: false });
        bare = '';
        let text = '';
        for (i++; input[i] !== '"'; i++) {
          if (i >= input.length) {
            throw new QuerySyntaxError(`missing closing quote in ${quote(input.slice(start).trimEnd())}`, input.slice(start).trimEnd());
          }
          if (input[i] === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) i++;
          text += input[i];
        }
        i++;
        segments.push({ text, quoted: true });
      }
      if (bare) segments.push({ text: bare, quoted: false });
      const onlyOr = segments.length === 1 && !segments[0]!.quoted && segments[0]!.text === 'OR';
      tokens.push(onlyOr ? { type: 'OR', start, end: i } : { type: 'word', start, end: i, segments });
    }
  }
  return tokens;
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
