/**
 * Migration 2 (the outbound side): the Sent history, endpoint forwarding, and the
 * capture columns that forwarding and HAR import fill in.
 */
export const outboundMigration = {
  version: 2,
  name: 'sent history, forwarding, imported captures',
  up: `
    ALTER TABLE endpoints ADD COLUMN forward_to TEXT;
    ALTER TABLE requests ADD COLUMN forward_json TEXT;
    ALTER TABLE requests ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE sent_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at INTEGER NOT NULL,
      source TEXT NOT NULL,
      source_request_id INTEGER,
      source_sent_id INTEGER,
      replay_mode TEXT,
      event TEXT,
      -- What went on the wire.
      url TEXT NOT NULL,
      method TEXT NOT NULL,
      request_headers_json TEXT NOT NULL,
      body_size INTEGER NOT NULL,
      signature_json TEXT,
      -- How to send it again (base headers, signing settings with the secret): never returned by the API.
      recipe_json TEXT NOT NULL,
      response_status INTEGER,
      response_headers_json TEXT,
      response_truncated INTEGER NOT NULL DEFAULT 0,
      error_code TEXT,
      error_message TEXT,
      duration_ms REAL NOT NULL
    );
    -- Bodies live apart so that listing the history never reads them.
    CREATE TABLE sent_bodies (
      sent_id INTEGER PRIMARY KEY REFERENCES sent_requests(id) ON DELETE CASCADE,
      request_body BLOB NOT NULL,
      response_body BLOB
    );
  `,
};
