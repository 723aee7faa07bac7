import { BODY } from '../content';
import { headerValue } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * WooCommerce (https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks, and
 * `WC_Webhook::generate_signature` in woocommerce/includes/class-wc-webhook.php:
 * `base64_encode(hash_hmac('sha256', $payload, $secret, true))`): `X-WC-Webhook-Signature` =
 * base64 HMAC-SHA256(the webhook's secret, raw body). No timestamp. `X-WC-Webhook-Topic` names the
 * event (`order.created`). `X-WC-Webhook-Delivery-ID` is new on every delivery, so not a retry id.
 */
export const woocommerceScheme = defineHmacScheme({
  id: 'woocommerce',
  label: 'WooCommerce (X-WC-Webhook-Signature)',
  category: 'Commerce',
  docsUrl: 'https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'X-WC-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('X-WC-Webhook-Topic'),
});
