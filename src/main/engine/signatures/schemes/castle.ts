import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Castle (https://docs.castle.io/docs/subscribe-to-webhooks): each webhook carries
 * `X-Castle-Signature` = base64 HMAC-SHA256 of the raw body keyed with the account's API secret
 * (castle-ruby lib/castle/webhooks/verify.rb: `Base64.encode64(OpenSSL::HMAC.digest('sha256',
 * api_secret, body)).strip`). Its spec (spec/lib/castle/webhooks/verify_spec.rb, secret `secret`)
 * is the vector the tests use. No timestamp; the body's `type` (`$incident.confirmed`) names the event.
 */
export const castleScheme = defineHmacScheme({
  id: 'castle',
  label: 'Castle (X-Castle-Signature)',
  category: 'Infrastructure',
  docsUrl: 'https://docs.castle.io/docs/subscribe-to-webhooks',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'X-Castle-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
