import { BODY, URL_PART } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'X-Square-HmacSha256-Signature';

/**
 * Square (https://developer.squareup.com/docs/webhooks/step3validate): `x-square-hmacsha256-signature`
 * = base64 HMAC-SHA256(subscription signature key, notification URL + raw body), the URL exactly as
 * configured in the subscription (Square's SDKs, `WebhooksHelper.isValidWebhookEventSignature`,
 * take it as a parameter). No timestamp is signed; retries carry the body's `event_id` (no header).
 * The legacy `x-square-signature` (HMAC-SHA1) is not read.
 */
export const squareScheme = defineHmacScheme({
  id: 'square',
  label: 'Square (X-Square-HmacSha256-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://developer.squareup.com/docs/webhooks/step3validate',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [URL_PART, BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
