import type Database from 'better-sqlite3';
import { findHeader } from '../signatures/headers';
import {
  DEFAULT_RESPONSE,
  FLAG,
  deliveryKey,
  encodeExtra,
  encodeHead,
  receiverUrl,
  sameResponse,
  verdictCode,
  type CaptureExtra,
} from './capture-row';
import type { CapturedResponse, ForwardOutcome, Verdict } from '../../../shared/api';
import { CaptureProfiles } from './capture-profiles';
import type { HeaderPair } from '../../../shared/http-headers';

/**
 * The capture tables of migration 8. `captures` is narrow (what listing and filtering read);
 * `capture_data` holds the raw request and the rare facts; `capture_search` is the search index,
 * filled in the background (history/search-indexer.ts) through `history_state.indexed_through`.
 *
 * The index is contentless (it stores no copy of the text) with detail=none (no positions:
 * phrases are confirmed against the capture itself), and `~` is a token character so the facet
 * tokens (`~vinvalid`, `~mPOST`...) can never be produced by text, where `~` is a separator.
 * A document is removed with FTS5's 'delete' command and the document rebuilt from the capture
 * (contentless_delete=1 was measured at 60-200 µs per deleted capture at 50k captures, which the
 * steady pruning of a full history cannot afford); `index_version` names the document format, so
 * a release that changes it rebuilds the index instead of deleting documents it cannot rebuild.
 * `captures.diagnosis` holds the diagnosis codes the document was built with, space-separated.
 * `captures.profile` names the capture's endpoint, scheme and event type (store/capture-profiles.ts).
 */
export const CAPTURE_TABLES_SQL = `
  CREATE TABLE capture_profiles (
    id INTEGER PRIMARY KEY,
    endpoint_id TEXT,
    scheme TEXT NOT NULL,
    event TEXT
  );
  CREATE TABLE captures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    verdict INTEGER NOT NULL,
    reason TEXT NOT NULL,
    profile INTEGER NOT NULL,
    body_size INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    duplicate_of INTEGER,
    delivery_key INTEGER,
    diagnosis TEXT
  );
  CREATE INDEX captures_delivery_key ON captures(delivery_key) WHERE delivery_key IS NOT NULL;
  CREATE TABLE capture_data (
    id INTEGER PRIMARY KEY,
    head TEXT NOT NULL,
    remote_address TEXT,
    remote_port INTEGER,
    body_us INTEGER NOT NULL,
    total_us INTEGER NOT NULL,
    extra TEXT,
    body BLOB NOT NULL
  );
  CREATE VIRTUAL TABLE capture_search USING fts5(
    doc, content='', detail=none,
    tokenize="unicode61 remove_diacritics 0 tokenchars '~'"
  );
  CREATE TABLE history_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL,
    index_version INTEGER NOT NULL,
    retention_json TEXT
  );
  INSERT INTO history_state (id, indexed_through, index_version, retention_json) VALUES (1, 0, 1, NULL);
`;

interface OldRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  query: string;
  url: string;
  http_version: string;
  headers_json: string;
  content_type: string | null;
  body_size: number;
  truncated: number;
  aborted: number;
  imported: number;
  remote_address: string | null;
  remote_port: number | null;
  endpoint_id: string | null;
  event: string | null;
  verdict: Verdict;
  reason: string;
  scheme: string | null;
  response_json: string;
  response_status: number;
  timing_json: string;
  forward_json: string | null;
  delivery_id: string | null;
  duplicate_of: number | null;
  body: Buffer | null;
}

const BATCH = 1000;

/**
 * Migration 8: captures move to the lean layout (about 1,270 bytes per small capture before,
 * body + raw header bytes + ~150 after) and gain pinning and the search index. Rows are copied in
 * id order, a thousand at a time (better-sqlite3 allows no writes while a statement iterates).
 */
export function leanCapturesMigration(db: Database.Database): void {
  db.exec(CAPTURE_TABLES_SQL);
  const select = db.prepare(`SELECT r.*, json_extract(r.verification_json, '$.scheme') AS scheme, b.body AS body
    FROM requests r LEFT JOIN request_bodies b ON b.request_id = r.id WHERE r.id > ? ORDER BY r.id LIMIT ${BATCH}`);
  const insertCapture = db.prepare(`INSERT INTO captures (id, received_at, method, path, query, response_status, verdict,
      reason, profile, body_size, flags, duplicate_of, delivery_key)
    VALUES (${Array.from({ length: 13 }, () => '?').join(', ')})`);
  const profiles = new CaptureProfiles(db);
  const insertData = db.prepare(`INSERT INTO capture_data (id, head, remote_address, remote_port, body_us, total_us, extra, body)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  let afterId = 0;
  for (;;) {
    const rows = select.all(afterId) as OldRow[];
    for (const row of rows) {
      const headers = JSON.parse(row.headers_json) as HeaderPair[];
      const response = JSON.parse(row.response_json) as CapturedResponse;
      const timing = JSON.parse(row.timing_json) as { body_ms: number; total_ms: number };
      const extra: CaptureExtra = {};
      if (row.url !== receiverUrl(findHeader(headers, 'host'), row.path, row.query)) extra.url = row.url;
      if (row.http_version !== '1.1') extra.http = row.http_version;
      if (!sameResponse(response, DEFAULT_RESPONSE)) extra.response = response;
      if (row.forward_json !== null) extra.forward = JSON.parse(row.forward_json) as ForwardOutcome;
      if (row.content_type !== findHeader(headers, 'content-type')) extra.ct = row.content_type;
      const flags = (row.truncated ? FLAG.truncated : 0) | (row.aborted ? FLAG.aborted : 0) | (row.imported ? FLAG.imported : 0);
      insertCapture.run(
        row.id,
        row.received_at,
        row.method,
        row.path,
        row.query,
        row.response_status,
        verdictCode(row.verdict),
        row.reason,
        profiles.idOf(row.endpoint_id, row.scheme ?? 'dcisionai', row.event),
        row.body_size,
        flags,
        row.duplicate_of,
        row.delivery_id === null ? null : deliveryKey(row.delivery_id),
      );
      insertData.run(
        row.id,
        encodeHead(headers),
        row.remote_address,
        row.remote_port,
        Math.round(timing.body_ms * 1000),
        Math.round(timing.total_ms * 1000),
        encodeExtra(extra),
        row.body ?? Buffer.alloc(0),
      );
    }
    if (rows.length < BATCH) break;
    afterId = (rows[rows.length - 1] as OldRow).id;
  }
  // Keep the id sequence: ids of deleted captures are never handed out again.
  db.exec(`UPDATE sqlite_sequence SET seq = COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'requests'), 0) WHERE name = 'captures';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'captures', seq FROM sqlite_sequence WHERE name = 'requests'
      AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'captures');
    DROP TABLE request_bodies;
    DROP TABLE requests;`);
}
