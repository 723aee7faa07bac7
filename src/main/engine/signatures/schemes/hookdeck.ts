import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readHeaderFamily } from './header-family';

const HEADER = 'X-Hookdeck-Signature';
const PREVIOUS = 'X-Hookdeck-Signature-2';

/**
 * Hookdeck Event Gateway (https://hookdeck.com/docs/authentication, "Webhook signature verification"):
 * every request Hookdeck forwards carries `x-hookdeck-signature` = base64 HMAC-SHA256 of the raw
 * body keyed with the project's signing secret (text). While a rolled secret is still valid the
 * request also carries `x-hookdeck-signature-2`, signed with the previous secret; either may
 * match. `x-hookdeck-eventid` is the same on every attempt of one event (the delivery id). The body
 * is the original provider's, so the event type is read the default way. No timestamp is signed.
 * A project can rename the header prefix (x-acme-signature...); those headers are not read here.
 * No vector is published; the tests compute one with node:crypto from these docs.
 */
export const hookdeckScheme = defineHmacScheme({
  id: 'hookdeck',
  label: 'Hookdeck (X-Hookdeck-Signature)',
  category: 'Infrastructure',
  docsUrl: 'https://hookdeck.com/docs/authentication',
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
  deliveryIdHeader: 'X-Hookdeck-EventID',
  headerNames: [HEADER.toLowerCase(), PREVIOUS.toLowerCase()],
  readSignatures: (message) => readHeaderFamily(message, [HEADER, PREVIOUS], '', '<base64 HMAC-SHA256>'),
});
