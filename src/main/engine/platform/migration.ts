/** Migration 3: the platform simulator's tables, and delivery ids on captured requests. */
export const platformMigration = {
  version: 3,
  name: 'platform simulator: subscriptions, durable delivery queue, attempts; request delivery ids',
  up: `
    CREATE TABLE webhook_subscriptions (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      url TEXT NOT NULL,
      events_json TEXT NOT NULL,
      secret TEXT NOT NULL,
      status TEXT NOT NULL,
      inject_json TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      last_delivery_at INTEGER
    );
    -- The exact bytes of each emitted event, stored once and sent on every attempt.
    CREATE TABLE platform_events (
      id TEXT PRIMARY KEY,
      event TEXT NOT NULL,
      payload BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
    -- seq is the queue order: per subscription, deliveries go out in seq order.
    CREATE TABLE deliveries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      webhook_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
      event_id TEXT NOT NULL REFERENCES platform_events(id),
      event TEXT NOT NULL,
      status TEXT NOT NULL,
      attempt_count INTEGER NOT NULL,
      max_attempts INTEGER NOT NULL,
      schedule_json TEXT NOT NULL,
      next_attempt_at INTEGER,
      last_status_code INTEGER,
      last_error_json TEXT,
      inject_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX deliveries_by_webhook ON deliveries(webhook_id, seq);
    -- Only queued rows: finding each subscription's queue head never scans the history.
    CREATE INDEX deliveries_queued ON deliveries(webhook_id, seq) WHERE status IN ('pending', 'retrying');
    CREATE TABLE delivery_attempts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      delivery_id TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
      webhook_id TEXT NOT NULL,
      number INTEGER NOT NULL,
      duplicate INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      duration_ms REAL NOT NULL,
      status_code INTEGER,
      success INTEGER NOT NULL,
      error_json TEXT,
      request_headers_json TEXT NOT NULL,
      response_headers_json TEXT NOT NULL,
      response_excerpt TEXT NOT NULL,
      response_truncated INTEGER NOT NULL,
      next_retry_at INTEGER,
      note TEXT
    );
    CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id, id);
    CREATE INDEX delivery_attempts_by_webhook_time ON delivery_attempts(webhook_id, started_at);
    CREATE TABLE platform_settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );
    -- Receivers deduplicate on a delivery id header; the inspector flags the repeats.
    ALTER TABLE requests ADD COLUMN delivery_id TEXT;
    ALTER TABLE requests ADD COLUMN duplicate_of INTEGER;
    CREATE INDEX requests_delivery_id ON requests(delivery_id) WHERE delivery_id IS NOT NULL;
  `,
};
