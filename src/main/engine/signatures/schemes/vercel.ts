import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Vercel (https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks): `x-vercel-signature`
 * = hex HMAC-SHA1(the webhook's secret (an integration's client secret), raw body). No timestamp
 * is signed. The payload's `type` names the event (`deployment.created`).
 */
export const vercelScheme = defineHmacScheme({
  id: 'vercel',
  label: 'Vercel (x-vercel-signature)',
  category: 'Infrastructure',
  docsUrl: 'https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'x-vercel-signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<40 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
