import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Typeform (https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
 * `Typeform-Signature: sha256=<base64>` = base64 HMAC-SHA256(the webhook's secret, raw body).
 * No timestamp is signed. The payload's `event_type` names the event (`form_response`).
 */
export const typeformScheme = defineHmacScheme({
  id: 'typeform',
  label: 'Typeform (Typeform-Signature)',
  category: 'Productivity',
  docsUrl: 'https://www.typeform.com/developers/webhooks/secure-your-webhooks/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'Typeform-Signature',
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event_type'),
});
