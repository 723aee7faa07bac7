import { BODY, literal, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'Stripe-Signature';

/**
 * Stripe (https://docs.stripe.com/webhooks#verify-manually): `Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>]`
 * over `${t}.${body}`, keyed with the whole `whsec_...` text (not decoded). Several v1 entries
 * appear while a secret rolls; any may match; v0 (test-mode legacy) is ignored. The SDK checks
 * the signature first and then only that the timestamp is not too OLD:
 * `if (tolerance > 0 && timestampAge > tolerance)` in stripe-node's Webhooks.ts.
 */
export const stripeScheme = defineHmacScheme({
  id: 'stripe',
  label: 'Stripe (Stripe-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://docs.stripe.com/webhooks#verify-manually',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 'v1' },
  signatureFormat: 't=<unix seconds>,v1=<hex>[,v1=<hex>]',
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
