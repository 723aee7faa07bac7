import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export const DATABASE_FILE = 'hookscope.db';
/** See openDatabase. */
export const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;
const INCREMENTAL = 2;
const PAGE_SIZE = 8192;

export interface OpenDatabaseOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron); Node uses its own. */
  nativeBinding?: string;
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  });
  const fresh = (db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number) === 0;
  if (fresh) db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives an application crash (the WAL is
  // written before commit returns); only an OS crash or power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The WAL file is cut back to this size after a checkpoint, so a burst does not leave tens of
  // megabytes behind it.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // Pages freed by retention go back to the file system (PRAGMA incremental_vacuum after a
  // pruning pass that freed many). Like the page size (8 KiB: a capture of ~700 bytes wastes
  // less of a page than with 4 KiB), it takes effect at creation; an older file is rebuilt once,
  // after migrating.
  if (fresh) db.pragma('auto_vacuum = INCREMENTAL');
  migrate(db);
  if (
    (db.pragma('auto_vacuum', { simple: true }) as number) !== INCREMENTAL ||
    (db.pragma('page_size', { simple: true }) as number) !== PAGE_SIZE
  ) {
    // The page size of a WAL database cannot change: leave WAL mode for the one rebuild.
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
    } catch (error) {
      // VACUUM needs about the database's size again in free space. Without it the history works
      // as it is (pages freed by retention are reused rather than returned); try at the next start.
      console.error(
        `Hookscope: could not rebuild ${DATABASE_FILE} in the new layout (${error instanceof Error ? error.message : String(error)}); continuing without, will try again at the next start.`,
      );
    } finally {
      db.pragma('journal_mode = WAL');
    }
  }
  return db;
}
