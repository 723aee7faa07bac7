import { BODY, literal, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'Paddle-Signature';

/**
 * Paddle Billing (https://developer.paddle.com/webhooks/signature-verification):
 * `Paddle-Signature: ts=<unix seconds>;h1=<hex>` over `${ts}:${body}`, keyed with the endpoint's
 * secret key text. Several h1 entries appear during rotation. Paddle's SDK rejects only events
 * older than its allowance (5 s by default), so the tolerance applies to the past only.
 */
export const paddleScheme = defineHmacScheme({
  id: 'paddle',
  label: 'Paddle Billing (Paddle-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://developer.paddle.com/webhooks/signature-verification',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ';', timestampKey: 'ts', signatureKey: 'h1' },
  signatureFormat: 'ts=<unix seconds>;h1=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} ts=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event_type'),
});
