/** Migration 4: inbound endpoints can verify with a user-defined (custom) scheme. */
export const customEndpointsMigration = {
  version: 4,
  name: 'custom scheme configuration on endpoints',
  up: `ALTER TABLE endpoints ADD COLUMN custom_json TEXT;`,
};
