/**
 * Migration 7: each endpoint's forwarding timeout, which was fixed at 30 s: existing endpoints
 * keep that value.
 */
export const forwardTimeoutMigration = {
  version: 7,
  name: 'forwarding timeout per endpoint',
  up: `ALTER TABLE endpoints ADD COLUMN forward_timeout_ms INTEGER NOT NULL DEFAULT 30000;`,
};
