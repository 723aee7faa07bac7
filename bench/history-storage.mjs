// The history benchmark's look inside the database: bytes per capture from SQLite's dbstat, and
// the cost of the list's statements in SQLite alone, both on a copy (the engine keeps running).
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const fileSize = (path) => (existsSync(path) ? statSync(path).size : 0);

/** Sizes of the live files, and a read-only connection on a copy of them, with its cleanup. */
export function openCopy(dataDir) {
  const db = join(dataDir, 'hookscope.db');
  const sizes = { db: fileSize(db), wal: fileSize(`${db}-wal`) };
  // The WAL is copied too: captures not yet checkpointed live only there. The engine is idle by
  // now (fill done, index caught up), so its checkpointer is not writing the file mid-copy.
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-history-copy-'));
  copyFileSync(db, join(dir, 'hookscope.db'));
  if (sizes.wal > 0) copyFileSync(`${db}-wal`, join(dir, 'hookscope.db-wal'));
  const connection = new Database(join(dir, 'hookscope.db'), { readonly: true, fileMustExist: true });
  return {
    sizes,
    db: connection,
    close() {
      connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bytes (whole pages, as dbstat counts them) of the capture rows, the search index and the database. */
export function storageBreakdown(db) {
  const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all();
  const sum = (test) => rows.filter((row) => test(row.name)).reduce((total, row) => total + row.bytes, 0);
  return {
    rows: sum((name) => name === 'captures' || name === 'capture_data' || name === 'captures_delivery_key'),
    index: sum((name) => name.startsWith('capture_search')),
    database: db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }),
    captures: db.prepare('SELECT count(*) FROM captures').pluck().get(),
    indexedThrough: db.prepare('SELECT indexed_through FROM history_state WHERE id = 1').pluck().get(),
    tables: rows.sort((a, b) => b.bytes - a.bytes),
  };
}

// The statements src/main/engine/history/history-search.ts runs for the three timed queries, as
// of commit c1affba: a page (limit + 1 rows) and its count (which skips capture_data without checks). Kept in step by hand: they
// only split the HTTP time into SQLite and the rest (Fastify, summaries, JSON); no target uses them.
const SUMMARY = `c.id, c.received_at, c.method, c.path, c.query, c.response_status, c.verdict, c.reason,
  c.scheme, c.endpoint_id, c.event, c.body_size, c.flags, c.duplicate_of, c.diagnosis, d.head`;
const COUNT_FROM = 'capture_search s JOIN captures c ON c.id = s.rowid';
const SEARCH_FROM = `${COUNT_FROM} JOIN capture_data d ON d.id = c.id`;
export const SQLITE_QUERIES = {
  rare: {
    page: `SELECT ${SUMMARY} FROM ${SEARCH_FROM} WHERE capture_search MATCH '"needle"*' AND s.rowid < ? ORDER BY s.rowid DESC LIMIT ?`,
    count: `SELECT count(*) FROM ${COUNT_FROM} WHERE capture_search MATCH '"needle"*'`,
  },
  qualifier: {
    page: `SELECT ${SUMMARY} FROM ${SEARCH_FROM} WHERE capture_search MATCH '("~vinvalid" AND "~mpost")' AND s.rowid < ? ORDER BY s.rowid DESC LIMIT ?`,
    count: `SELECT count(*) FROM ${COUNT_FROM} WHERE capture_search MATCH '("~vinvalid" AND "~mpost")'`,
  },
  first: {
    page: `SELECT ${SUMMARY} FROM captures c JOIN capture_data d ON d.id = c.id WHERE c.id < ? ORDER BY c.id DESC LIMIT ?`,
    count: 'SELECT count(*) FROM captures',
  },
};

/** One run of a query's two statements in SQLite alone; returns the count so the caller can check it. */
export function sqliteRunner(db, name) {
  const page = db.prepare(SQLITE_QUERIES[name].page);
  const count = db.prepare(SQLITE_QUERIES[name].count).pluck();
  return () => {
    page.all(Number.MAX_SAFE_INTEGER, 101);
    return count.get();
  };
}
