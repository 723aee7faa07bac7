import { BODY } from '../content';
import { firstItemField, joined } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Xero (https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/):
 * `x-xero-signature` = base64 HMAC-SHA256(the webhook key, raw body). No timestamp is signed.
 * Xero's "intent to receive" check sends requests signed with a wrong key and expects a 401 (an
 * endpoint's enforced verification answers so).
 */
export const xeroScheme = defineHmacScheme({
  id: 'xero',
  label: 'Xero (x-xero-signature)',
  category: 'Payments & billing',
  docsUrl: 'https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'x-xero-signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  // `INVOICE.UPDATE`: the first event's category and type.
  eventType: joined(firstItemField('events', 'eventCategory'), firstItemField('events', 'eventType')),
});
