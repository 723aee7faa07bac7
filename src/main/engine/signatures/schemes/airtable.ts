import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { decodeWhsecSecret } from './standard-webhooks';

/**
 * Airtable (https://airtable.com/developers/web/api/webhooks-overview, "Webhook notification delivery"):
 * `X-Airtable-Content-MAC: hmac-sha256=<hex>`, HMAC-SHA256 of the notification body keyed with the
 * base64-DECODED `macSecretBase64` that the create-webhook call returned once. The docs' sample
 * feeds the body as `'ascii'`; the notification is a small ASCII ping (`{"base":{"id":...},
 * "webhook":{"id":...},"timestamp":...}`), so its bytes are hashed as received. No timestamp is
 * checked and the ping names no event. No vector is published; the tests compute one.
 */
export const airtableScheme = defineHmacScheme({
  id: 'airtable',
  label: 'Airtable (X-Airtable-Content-MAC)',
  category: 'Productivity',
  docsUrl: 'https://airtable.com/developers/web/api/webhooks-overview',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Airtable-Content-MAC',
  signature: { kind: 'plain', prefix: 'hmac-sha256=' },
  signatureFormat: 'hmac-sha256=<hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  // The MAC secret is base64 without a prefix; the whsec_ decoding takes it as is.
  secretFormat: 'base64',
  keyOf: decodeWhsecSecret,
  order: 'signature-first',
});
