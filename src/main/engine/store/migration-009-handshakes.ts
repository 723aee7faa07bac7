/**
 * Migration 9: endpoints answer their scheme's handshake unless switched off (existing endpoints
 * too: a handshake they got before was answered with the configured response, which no provider
 * accepts), and hold Meta's verify token.
 */
export const handshakesMigration = {
  version: 9,
  name: 'endpoints answer handshakes',
  up: `ALTER TABLE endpoints ADD COLUMN answer_handshakes INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE endpoints ADD COLUMN verify_token TEXT;`,
};
