// The history benchmark's look inside the database: bytes per capture from SQLite's dbstat, on a
// copy (the engine keeps running).
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
    rows: sum((name) => ['captures', 'capture_data', 'captures_delivery_key', 'capture_profiles'].includes(name)),
    index: sum((name) => name.startsWith('capture_search')),
    database: db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }),
    captures: db.prepare('SELECT count(*) FROM captures').pluck().get(),
    indexedThrough: db.prepare('SELECT indexed_through FROM history_state WHERE id = 1').pluck().get(),
    tables: rows.sort((a, b) => b.bytes - a.bytes),
  };
}
