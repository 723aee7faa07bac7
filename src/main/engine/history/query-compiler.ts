import type { Endpoint } from '../../../shared/api';
import type { QueryNode, QueryTerm } from '../../../shared/history-query-tree';
import { FLAG } from '../store/capture-row';
import { FACET, INDEXED_BODY_SQL, facet } from './search-document';

/**
 * Compiles a parsed history query into one FTS5 MATCH expression (the facets and words the index
 * answers) and one SQL condition over `captures c` (what it cannot: times, sizes, paths, pins, and
 * the confirmations of phrases and header values). Both parts are ANDed; either may be empty.
 * An AND keeps its children's FTS parts together, so a whole qualifier query is answered by the
 * index alone, whose cost follows the matches, not the history.
 */

/** An FTS5 expression over tokens; `prefix` matches every token that starts with `token`. */
export type FtsExpr =
  | { kind: 'token'; token: string; prefix: boolean }
  | { kind: 'and'; items: FtsExpr[] }
  | { kind: 'or'; items: FtsExpr[] }
  | { kind: 'not'; item: FtsExpr };

/**
 * A confirmation run on each candidate by the `hs_check(n, path, query, head, body)` SQL function;
 * it gets the columns as arguments (a function may not query the connection that calls it).
 */
export type Check = { kind: 'phrase'; tokens: string[] } | { kind: 'header'; name: string; value: string };

export interface Sql {
  sql: string;
  params: unknown[];
}

export interface CompiledQuery {
  fts: FtsExpr | null;
  sql: Sql | null;
  checks: Check[];
}

interface Part {
  fts: FtsExpr | null;
  sql: Sql | null;
}

const token = (value: string, prefix = false): FtsExpr => ({ kind: 'token', token: value, prefix });
/** An AND of distinct items (a word typed twice is one lookup, not two). */
function and(items: FtsExpr[]): FtsExpr | null {
  const distinct = [...new Map(items.map((item) => [renderFts(item), item])).values()];
  return distinct.length === 0 ? null : distinct.length === 1 ? (distinct[0] as FtsExpr) : { kind: 'and', items: distinct };
}
const or = (items: FtsExpr[]): FtsExpr => (items.length === 1 ? (items[0] as FtsExpr) : { kind: 'or', items });

/** A GLOB pattern from a user pattern where only `*` is special. */
function glob(pattern: string): string {
  return pattern.replace(/[[?]/g, (char) => `[${char}]`);
}

function joinSql(parts: Sql[], operator: 'AND' | 'OR'): Sql | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] as Sql;
  return { sql: parts.map((part) => `(${part.sql})`).join(` ${operator} `), params: parts.flatMap((part) => part.params) };
}

export class QueryCompiler {
  private readonly checks: Check[] = [];

  constructor(private readonly endpoints: readonly Endpoint[]) {}

  compile(node: QueryNode): CompiledQuery {
    const part = this.node(node);
    return { ...part, checks: this.checks };
  }

  private node(node: QueryNode): Part {
    switch (node.kind) {
      case 'term':
        return this.term(node.term);
      case 'and': {
        const parts = node.items.map((item) => this.node(item));
        return {
          fts: and(parts.flatMap((part) => (part.fts ? [part.fts] : []))),
          sql: joinSql(
            parts.flatMap((part) => (part.sql ? [part.sql] : [])),
            'AND',
          ),
        };
      }
      case 'or': {
        const parts = node.items.map((item) => this.node(item));
        if (parts.every((part) => part.sql === null)) return { fts: or(parts.map((part) => part.fts as FtsExpr)), sql: null };
        return { fts: null, sql: joinSql(parts.map(asSql), 'OR') };
      }
      case 'not': {
        const part = this.node(node.item);
        if (part.sql === null && part.fts !== null) return { fts: { kind: 'not', item: part.fts }, sql: null };
        const inner = asSql(part);
        return { fts: null, sql: { sql: `NOT (${inner.sql})`, params: inner.params } };
      }
    }
  }

  private check(check: Check): Sql {
    this.checks.push(check);
    // A header check reads the header block only: the body is not copied out for it.
    const columns = check.kind === 'phrase' ? `c.path, c.query, d.head, ${INDEXED_BODY_SQL}` : 'NULL, NULL, d.head, NULL';
    return { sql: `hs_check(?, ${columns})`, params: [this.checks.length - 1] };
  }

  private term(term: QueryTerm): Part {
    switch (term.kind) {
      case 'text': {
        // Every token is a whole token but the last of an unquoted word, which may be a prefix
        // (from two characters on: `a*` would merge the postings of every token starting with a).
        const last = term.tokens.length - 1;
        const tokens = term.tokens.map((value, index) => token(value, !term.phrase && index === last && value.length > 1));
        // A quoted phrase is confirmed on each candidate; an unquoted word with punctuation
        // (`invoice.paid`, `application/json`) needs all its parts, in any place: checking that
        // they stand side by side would read the text of every capture that has them.
        const sql = term.phrase && term.tokens.length > 1 ? this.check({ kind: 'phrase', tokens: term.tokens }) : null;
        return { fts: and(tokens), sql };
      }
      case 'method':
        return { fts: token(facet(FACET.method, term.value)), sql: null };
      case 'verdict':
        return { fts: token(facet(FACET.verdict, term.value)), sql: null };
      case 'reason':
        return { fts: token(facet(FACET.reason, term.value)), sql: null };
      case 'status':
        return { fts: token(`${FACET.status}${term.code}`), sql: null };
      case 'status_class':
        return { fts: token(`${FACET.status}${term.digit}xx`), sql: null };
      case 'scheme':
        return { fts: token(facet(FACET.scheme, term.value)), sql: null };
      case 'event':
        return this.event(term.pattern);
      case 'endpoint': {
        const wanted = term.value.toLowerCase();
        const ids = new Set([term.value]);
        for (const endpoint of this.endpoints) if (endpoint.name.toLowerCase() === wanted) ids.add(endpoint.id);
        return { fts: or([...ids].map((id) => token(facet(FACET.endpoint, id)))), sql: null };
      }
      case 'header': {
        const present = token(facet(FACET.header, term.name));
        if (term.value === null) return { fts: present, sql: null };
        return { fts: present, sql: this.check({ kind: 'header', name: term.name, value: term.value }) };
      }
      case 'is':
        if (term.flag === 'pinned') return { fts: null, sql: { sql: `(c.flags & ${FLAG.pinned}) != 0`, params: [] } };
        return { fts: token(`${FACET.flag}${term.flag}`), sql: null };
      case 'path':
        return { fts: null, sql: { sql: 'c.path GLOB ?', params: [`${glob(term.pattern)}*`] } };
      case 'since':
        return { fts: null, sql: { sql: 'c.received_at >= ?', params: [term.at] } };
      case 'until':
        return { fts: null, sql: { sql: 'c.received_at <= ?', params: [term.at] } };
      case 'size':
        return { fts: null, sql: { sql: `c.body_size ${term.op} ?`, params: [term.bytes] } };
    }
  }

  /** `model.completed` is one facet token, `model.*` a prefix of them; other wildcards need the column. */
  private event(pattern: string): Part {
    const star = pattern.indexOf('*');
    if (star === -1) return { fts: token(facet(FACET.event, pattern)), sql: null };
    if (star === pattern.length - 1) return { fts: token(facet(FACET.event, pattern.slice(0, -1)), true), sql: null };
    return {
      fts: null,
      sql: { sql: 'c.profile IN (SELECT id FROM capture_profiles WHERE lower(event) GLOB ?)', params: [glob(pattern.toLowerCase())] },
    };
  }
}

/** An FTS expression as a condition on `c.id` (inside an OR or NOT that also needs SQL). */
function asSql(part: Part): Sql {
  const pieces: Sql[] = [];
  if (part.fts)
    pieces.push({ sql: 'c.id IN (SELECT rowid FROM capture_search WHERE capture_search MATCH ?)', params: [renderFts(part.fts)] });
  if (part.sql) pieces.push(part.sql);
  return joinSql(pieces, 'AND') ?? { sql: '1', params: [] };
}

/**
 * FTS5 syntax. Its NOT is binary (`a NOT b`), so the negated items of an AND follow its positive
 * ones as one OR (`a NOT (b OR c)`: a chain `a NOT b NOT c` nests a level per item, and FTS5
 * refuses expressions deeper than 256), and a negation alone is taken from `~any`, which every
 * capture holds.
 */
export function renderFts(expr: FtsExpr): string {
  switch (expr.kind) {
    case 'token':
      return `"${expr.token}"${expr.prefix ? '*' : ''}`;
    case 'or':
      return `(${expr.items.map(renderFts).join(' OR ')})`;
    case 'not':
      return `("${FACET.any}" NOT ${renderFts(expr.item)})`;
    case 'and': {
      const positive = expr.items.filter((item) => item.kind !== 'not');
      const negative = expr.items.flatMap((item) => (item.kind === 'not' ? [item.item] : []));
      const base = positive.length === 0 ? `"${FACET.any}"` : positive.map(renderFts).join(' AND ');
      if (negative.length === 0) return `(${base})`;
      return `(${base} NOT ${negative.length === 1 ? renderFts(negative[0] as FtsExpr) : renderFts({ kind: 'or', items: negative })})`;
    }
  }
}
