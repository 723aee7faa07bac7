/**
 * The parsed form of a history query (see history-query.ts for the language): the tree the
 * engine compiles to SQL, and the error a query that cannot be read raises.
 */
import type { Verdict } from './api';

export const HISTORY_FLAGS = ['dup', 'aborted', 'imported', 'truncated', 'pinned', 'handshake'] as const;
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

/** JSON quoting, so a value holding a quote or backslash still reads unambiguously in a message. */
export const quote = (text: string): string => JSON.stringify(text);
