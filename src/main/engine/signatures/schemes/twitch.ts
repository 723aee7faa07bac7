import { BODY, ID, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { headerValue } from '../event-sources';

const SIGNATURE_HEADER = 'Twitch-Eventsub-Message-Signature';
const TIMESTAMP_HEADER = 'Twitch-Eventsub-Message-Timestamp';
const ID_HEADER = 'Twitch-Eventsub-Message-Id';

/**
 * Twitch EventSub (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message):
 * `sha256=<hex>` HMAC-SHA256 over message id + timestamp + body with no separators; the timestamp
 * is RFC 3339 (nanoseconds); Twitch asks to reject messages older than 10 minutes.
 */
export const twitchScheme = defineHmacScheme({
  id: 'twitch',
  label: 'Twitch EventSub (Twitch-Eventsub-Message-Signature)',
  category: 'Communication',
  docsUrl: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<64 lowercase hex>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'rfc3339', direction: 'past-only', required: true },
  idHeader: ID_HEADER,
  template: [ID, TIMESTAMP, BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('Twitch-Eventsub-Subscription-Type'),
  deliveryIdHeader: ID_HEADER,
});
