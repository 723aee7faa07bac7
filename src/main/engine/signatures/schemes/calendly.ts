import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'Calendly-Webhook-Signature';

/**
 * Calendly (https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures):
 * `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>` = HMAC-SHA256(the webhook signing key,
 * `${t}.${body}`). The docs' example rejects a timestamp older than 3 minutes (the past only); the
 * endpoint's tolerance applies. The payload's `event` names the event (`invitee.created`), which
 * is the default event source.
 */
export const calendlyScheme = defineHmacScheme({
  id: 'calendly',
  label: 'Calendly (Calendly-Webhook-Signature)',
  category: 'Productivity',
  docsUrl: 'https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 'v1' },
  signatureFormat: 't=<unix seconds>,v1=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
});
