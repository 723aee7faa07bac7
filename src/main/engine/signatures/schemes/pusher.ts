import { BODY } from '../content';
import { firstItemField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Pusher Channels (https://pusher.com/docs/channels/server_api/webhooks/#authentication, and
 * pusher-http-php's Webhook.php: `hash_hmac('sha256', $body, $app_secret)`): `X-Pusher-Signature`
 * = hex HMAC-SHA256(the app secret, raw body), beside `X-Pusher-Key` (the app key, not checked
 * here). No timestamp is signed. The first event's `name` names the delivery (`channel_occupied`).
 */
export const pusherScheme = defineHmacScheme({
  id: 'pusher',
  label: 'Pusher (X-Pusher-Signature)',
  category: 'Communication',
  docsUrl: 'https://pusher.com/docs/channels/server_api/webhooks/#authentication',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Pusher-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstItemField('events', 'name'),
});
