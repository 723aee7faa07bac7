/**
 * Migration 5: captures lose their endpoint_id index. Every capture paid for it (one more B-tree
 * page written per commit: ~15% of the receiver's throughput under load), while its only reader,
 * re-verification after an endpoint change, walks the history in id order anyway and reads each
 * capture it checks: a range scan on the primary key serves it.
 */
export const dropEndpointIndexMigration = {
  version: 5,
  name: 'drop the endpoint index of captures',
  up: `DROP INDEX IF EXISTS requests_endpoint;`,
};
