import { BODY, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const TIMESTAMP_HEADER = 'X-Zendesk-Webhook-Signature-Timestamp';

/**
 * Zendesk (https://developer.zendesk.com/documentation/webhooks/verifying/):
 * `X-Zendesk-Webhook-Signature` = base64 HMAC-SHA256(the webhook's signing secret text,
 * timestamp + raw body), no separator; the timestamp header is RFC 3339 (`2021-07-25T10:00:00Z`
 * in the docs' example). The docs name no tolerance; the endpoint's applies to the past only.
 * Event-subscription payloads name the event in `type` (`zen:event-type:ticket.created`).
 */
export const zendeskScheme = defineHmacScheme({
  id: 'zendesk',
  label: 'Zendesk (X-Zendesk-Webhook-Signature)',
  category: 'Communication',
  docsUrl: 'https://developer.zendesk.com/documentation/webhooks/verifying/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'X-Zendesk-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'rfc3339', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
