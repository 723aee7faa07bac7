import type Database from 'better-sqlite3';
import { outboundMigration } from './migration-002-outbound';
import { platformMigration } from '../platform/migration';
import { customEndpointsMigration } from './migration-004-custom-endpoints';
import { dropEndpointIndexMigration } from './migration-005-drop-endpoint-index';
import { abortedUploadsMigration } from './migration-006-aborted-uploads';
import { forwardTimeoutMigration } from './migration-007-forward-timeout';
import { leanCapturesMigration } from './migration-008-lean-captures';
import { handshakesMigration } from './migration-009-handshakes';

/**
 * Versioned migrations. Each runs once, inside a transaction, and is recorded in
 * schema_migrations; append new ones at the end, never edit a released one.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for migrations that transform data row by row. */
  up: string | ((db: Database.Database) => void);
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'captures and endpoints',
    up: `
      CREATE TABLE endpoints (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        path TEXT NOT NULL UNIQUE,
        scheme TEXT NOT NULL,
        secret TEXT NOT NULL,
        tolerance_seconds INTEGER NOT NULL,
        enforce INTEGER NOT NULL,
        response_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        query TEXT NOT NULL,
        url TEXT NOT NULL,
        http_version TEXT NOT NULL,
        headers_json TEXT NOT NULL,
        content_type TEXT,
        body_size INTEGER NOT NULL,
        truncated INTEGER NOT NULL,
        remote_address TEXT,
        remote_port INTEGER,
        forwarded_json TEXT NOT NULL,
        endpoint_id TEXT,
        event TEXT,
        verification_json TEXT NOT NULL,
        verdict TEXT NOT NULL,
        reason TEXT NOT NULL,
        response_json TEXT NOT NULL,
        response_status INTEGER NOT NULL,
        timing_json TEXT NOT NULL
      );
      CREATE INDEX requests_endpoint ON requests(endpoint_id);
      -- Bodies live apart so that listing metadata never reads them.
      CREATE TABLE request_bodies (
        request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
        body BLOB NOT NULL
      );
    `,
  },
  outboundMigration,
  platformMigration,
  customEndpointsMigration,
  dropEndpointIndexMigration,
  abortedUploadsMigration,
  forwardTimeoutMigration,
  { version: 8, name: 'lean capture rows, pinning, search index', up: leanCapturesMigration },
  handshakesMigration,
];

/** Applies every migration not applied yet (up to `upTo`, for tests of one step); returns how many. */
export function migrate(db: Database.Database, upTo = Number.POSITIVE_INFINITY): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let count = 0;
  for (const migration of migrations) {
    if (applied.has(migration.version) || migration.version > upTo) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      record.run(migration.version, migration.name, Date.now());
    })();
    count += 1;
  }
  return count;
}
