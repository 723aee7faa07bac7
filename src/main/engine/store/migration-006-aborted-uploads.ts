/**
 * Migration 6: captures record whether the upload was cut short (the sender, a tunnel or the
 * request timeout closed the connection before the body was complete). Earlier captures were all
 * complete: an aborted upload was not recorded at all before this version.
 */
export const abortedUploadsMigration = {
  version: 6,
  name: 'aborted uploads',
  up: `ALTER TABLE requests ADD COLUMN aborted INTEGER NOT NULL DEFAULT 0;`,
};
