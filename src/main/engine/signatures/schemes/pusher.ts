import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Pusher Channels (https://pusher.com/docs/channels/server_api/webhooks/#authentication):
 * `X-Pusher-Signature` = hex HMAC-SHA256 of the body keyed with the app secret (text);
 * `X-Pusher-Key` names the app key it belongs to. pusher-http-node's WebHook.isValid
 * (lib/webhook.js) also requires `Content-Type: application/json` and that key; here only the
 * signature is checked. No timestamp is signed (the body's `time_ms` is informational).
 */
export const pusherScheme = defineHmacScheme({
  id: 'pusher',
  label: 'Pusher Channels (X-Pusher-Signature)',
  category: 'Communication',
  docsUrl: 'https://pusher.com/docs/channels/server_api/webhooks/',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Pusher-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  // Pusher batches events (`{"time_ms": ..., "events": [{"name": "channel_occupied", ...}]}`): the first names it.
  eventType: bodyField('events.0.name'),
  headerNames: ['x-pusher-key', 'x-pusher-signature'],
});
