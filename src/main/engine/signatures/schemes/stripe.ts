import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readKeyedList } from '../formats';

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
  docsUrl: 'https://docs.stripe.com/webhooks#verify-manually',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signatureFormat: 't=<unix seconds>,v1=<hex>[,v1=<hex>]',
  signaturePrefix: 'v1=',
  multipleSignatures: true,
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  usesUrl: false,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [HEADER.toLowerCase()],
  hasSnippets: true,
  readSignatures: (message) =>
    readKeyedList(message, HEADER, { separator: ',', timestampKey: 't', signatureKey: 'v1', format: 't=<unix seconds>,v1=<hex>' }),
  signHeaders: ({ encoded, timestamp }) => ({ [HEADER]: `t=${timestamp ?? ''},v1=${encoded}` }),
});
