import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'TikTok-Signature';

/**
 * TikTok for Developers (https://developers.tiktok.com/doc/webhooks-verification):
 * `TikTok-Signature: t=<unix seconds>,s=<hex>`, HMAC-SHA256 over `${t}.${body}` keyed with the app's
 * client secret (text). The docs suggest rejecting a valid signature whose timestamp is too old
 * (only old: past-only; the endpoint's tolerance applies) and check the signature first. The body's
 * `event` (`authorization.removed`) names the event, read the default way. These are TikTok's
 * developer-platform webhooks; TikTok Shop signs differently. The docs' example header carries no
 * secret or body, so it is no vector; the tests compute one with node:crypto from these docs.
 */
export const tiktokScheme = defineHmacScheme({
  id: 'tiktok',
  label: 'TikTok (TikTok-Signature)',
  category: 'Marketing & CRM',
  docsUrl: 'https://developers.tiktok.com/doc/webhooks-verification',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 's' },
  signatureFormat: 't=<unix seconds>,s=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
});
