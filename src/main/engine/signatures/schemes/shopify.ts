import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { headerValue } from '../event-sources';

const HEADER = 'X-Shopify-Hmac-Sha256';

/**
 * Shopify (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook):
 * `X-Shopify-Hmac-Sha256` = base64 HMAC-SHA256(app client secret, raw body). No timestamp is signed.
 */
export const shopifyScheme = defineHmacScheme({
  id: 'shopify',
  label: 'Shopify (X-Shopify-Hmac-Sha256)',
  category: 'Commerce',
  docsUrl: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('X-Shopify-Topic'),
  deliveryIdHeader: 'X-Shopify-Webhook-Id',
});
