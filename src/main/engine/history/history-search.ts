import type Database from 'better-sqlite3';
import type { Endpoint, RequestPage } from '../../../shared/api';
import { parseHistoryQuery } from '../../../shared/history-query';
import { QuerySyntaxError } from '../../../shared/history-query-tree';
import { ApiError } from '../control/errors';
import { decodeHead } from '../store/capture-row';
import { PROFILE_JOIN, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../store/capture-summary';
import type { RequestsRepo } from '../store/requests-repo';
import { QueryCompiler, renderFts, type Check } from './query-compiler';
import type { SearchIndexer } from './search-indexer';
import { searchText } from './search-document';

/** Prepared statements kept for recent query shapes (a shape is the SQL text, not the values). */
const STATEMENT_CACHE = 64;

/**
 * A phrase as a regular expression over the text: its tokens side by side, separated by anything
 * that is not a letter or digit, and not inside longer tokens. Matching the text directly costs a
 * fraction of tokenizing it (tokens are lowercase, as the `i` flag compares).
 */
function phrasePattern(tokens: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${tokens.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * `header:name=value` as a regular expression over the stored header lines (`Name:value\n`): the
 * name and the trimmed value, case-insensitively, without splitting the block into pairs.
 */
function headerPattern(name: string, value: string): RegExp {
  return new RegExp(`(?:^|\\n)${escapeRegExp(name)}:[ \\t]*${escapeRegExp(value.trim())}[ \\t]*(?:\\n|$)`, 'i');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * GET /api/requests with or without `q`: one page newest first, and the exact counts. A query runs
 * as at most two statements (the page and its count), driven by the search index whenever the
 * query has anything the index answers.
 */
export class HistorySearch {
  private readonly statements = new Map<string, Database.Statement>();
  /** The confirmations of the query being run, read by `hs_check` (queries run one at a time). */
  private checks: Check[] = [];
  /** `checks` as patterns, compiled once per query. */
  private patterns: RegExp[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly indexer: SearchIndexer,
    private readonly endpoints: () => readonly Endpoint[],
    private readonly requests: RequestsRepo,
  ) {
    db.function('hs_check', { deterministic: false }, (index, path, query, head, body) =>
      this.confirm(Number(index), { path: path as string, query: query as string, head: head as string, body: body as Buffer }) ? 1 : 0,
    );
  }

  total(): number {
    return this.requests.count();
  }

  async list(query: string | undefined, limit: number, before: number | null): Promise<RequestPage> {
    const parsed = parseQuery(query ?? '');
    if (parsed === null) {
      const total = this.total();
      const rows = this.statement(
        `SELECT ${SUMMARY_COLUMNS} FROM captures c ${PROFILE_JOIN} JOIN capture_data d ON d.id = c.id
        WHERE c.id < ? ORDER BY c.id DESC LIMIT ?`,
      ).all(before ?? Number.MAX_SAFE_INTEGER, limit + 1) as SummaryRow[];
      return this.page(rows, limit, total, total);
    }
    // Captures not yet indexed are indexed now: whatever is listed can be found.
    await this.indexer.catchUp();
    const total = this.total();
    const compiled = new QueryCompiler(this.endpoints()).compile(parsed);
    const where: string[] = [];
    const params: unknown[] = [];
    let source = 'captures c';
    let id = 'c.id';
    if (compiled.fts) {
      source = 'capture_search s JOIN captures c ON c.id = s.rowid';
      id = 's.rowid';
      where.push('capture_search MATCH ?');
      params.push(renderFts(compiled.fts));
    }
    const withData = `${source} JOIN capture_data d ON d.id = c.id`;
    if (compiled.sql) {
      where.push(`(${compiled.sql.sql})`);
      params.push(...compiled.sql.params);
    }
    const condition = where.length === 0 ? '1' : where.join(' AND ');
    this.checks = compiled.checks;
    this.patterns = compiled.checks.map((check) =>
      check.kind === 'phrase' ? phrasePattern(check.tokens) : headerPattern(check.name, check.value),
    );
    try {
      const rows = this.statement(
        `SELECT ${SUMMARY_COLUMNS} FROM ${withData} ${PROFILE_JOIN}
        WHERE ${condition} AND ${id} < ? ORDER BY ${id} DESC LIMIT ?`,
      ).all(...params, before ?? Number.MAX_SAFE_INTEGER, limit + 1) as SummaryRow[];
      // The index alone counts a query it answers alone (it holds exactly the captures up to the
      // watermark, and everything is indexed now); the raw requests are read only for confirmations.
      const counted = compiled.sql === null ? 'capture_search s' : compiled.checks.length > 0 ? withData : source;
      const matching = this.statement(`SELECT count(*) FROM ${counted} WHERE ${condition}`)
        .pluck()
        .get(...params) as number;
      return this.page(rows, limit, matching, total);
    } catch (error) {
      // The parser bounds what reaches SQLite's full-text parser; should it still refuse an
      // expression, that is the query's fault, said as such, not an engine failure.
      if (error instanceof Error && error.message.startsWith('fts5:'))
        throw new ApiError(400, 'invalid_query', `the search cannot run this query (${error.message}); simplify it`);
      throw error;
    } finally {
      this.checks = [];
      this.patterns = [];
    }
  }

  private page(rows: SummaryRow[], limit: number, matching: number, total: number): RequestPage {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { data: page.map(toSummary), next_before: rows.length > limit && last ? last.id : null, matching, total };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  private confirm(index: number, row: { path: string; query: string; head: string; body: Buffer }): boolean {
    const check = this.checks[index];
    const pattern = this.patterns[index];
    if (!check || !pattern) return false;
    if (check.kind === 'phrase') return pattern.test(searchText(row));
    // Header blocks a HAR import could not write as lines are JSON (rare): compared pair by pair.
    if (!row.head.startsWith('[')) return pattern.test(row.head);
    const wanted = check.value.trim().toLowerCase();
    return decodeHead(row.head).some(([name, value]) => name.toLowerCase() === check.name && value.trim().toLowerCase() === wanted);
  }
}

function parseQuery(query: string) {
  try {
    return parseHistoryQuery(query, Date.now());
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new ApiError(400, 'invalid_query', error.message);
    throw error;
  }
}
