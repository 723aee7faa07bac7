import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export const DATABASE_FILE = 'hookscope.db';

export interface OpenDatabaseOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron); Node uses its own. */
  nativeBinding?: string;
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  });
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives an application crash (the WAL is
  // written before commit returns); only an OS crash or power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
