import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * AfterShip (https://www.aftership.com/docs/aftership/95a6c99e13602-webhook-signature):
 * `aftership-hmac-sha256` = base64 HMAC-SHA256(the webhook secret, raw body). No timestamp is
 * signed. The body's `event` names the event (`tracking_update`), the default source.
 */
export const aftershipScheme = defineHmacScheme({
  id: 'aftership',
  label: 'AfterShip (aftership-hmac-sha256)',
  category: 'Commerce',
  docsUrl: 'https://www.aftership.com/docs/aftership/95a6c99e13602-webhook-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'aftership-hmac-sha256',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
});
