import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readPrefixed } from '../formats';

const HEADER = 'X-Shopify-Hmac-Sha256';

/**
 * Shopify (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook):
 * `X-Shopify-Hmac-Sha256` = base64 HMAC-SHA256(app client secret, raw body). No timestamp is signed.
 */
export const shopifyScheme = defineHmacScheme({
  id: 'shopify',
  label: 'Shopify (X-Shopify-Hmac-Sha256)',
  docsUrl: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: HEADER,
  signatureFormat: '<base64>',
  signaturePrefix: '',
  multipleSignatures: false,
  timestamp: null,
  idHeader: null,
  usesUrl: false,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [HEADER.toLowerCase()],
  hasSnippets: true,
  readSignatures: (message) => readPrefixed(message, HEADER, '', '<base64 HMAC-SHA256>'),
  signHeaders: ({ encoded }) => ({ [HEADER]: encoded }),
});
