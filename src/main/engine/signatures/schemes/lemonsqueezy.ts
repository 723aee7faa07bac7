import { BODY } from '../content';
import { bodyField, firstOf, headerValue } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Lemon Squeezy (https://docs.lemonsqueezy.com/help/webhooks/signing-requests): `X-Signature` = hex
 * HMAC-SHA256 of the raw body keyed with the signing secret the user typed when creating the
 * webhook (its UTF-8 text, 6 to 40 characters by their advice). No timestamp and no delivery id
 * header. The event name is in `X-Event-Name` and in the body's `meta.event_name`
 * (https://docs.lemonsqueezy.com/help/webhooks/webhook-requests). Lemon Squeezy publishes no
 * vector; the tests compute one with node:crypto from these docs.
 */
export const lemonsqueezyScheme = defineHmacScheme({
  id: 'lemonsqueezy',
  label: 'Lemon Squeezy (X-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://docs.lemonsqueezy.com/help/webhooks/signing-requests',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstOf(headerValue('X-Event-Name'), bodyField('meta.event_name')),
});
