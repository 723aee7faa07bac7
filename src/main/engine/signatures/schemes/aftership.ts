import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readHeaderFamily } from './header-family';

const TRACKING = 'aftership-hmac-sha256';
const RETURNS = 'as-signature-hmac-sha256';

/**
 * AfterShip (https://www.aftership.com/docs/tracking/webhook/webhook-signature): Tracking sends
 * `aftership-hmac-sha256` = base64 HMAC-SHA256 of the body keyed with the account's webhook secret
 * (text). Returns and Warranty use the same MAC under `as-signature-hmac-sha256`
 * (https://www.aftership.com/docs/returns/2025-04/webhook/signature); either header is read.
 * (Organisations created before 2022-10-25 may get Returns' older `am-webhook-signature:
 * hmac-sha256=...`, not read here.) No timestamp. The body's `event` (`tracking_update`) names the
 * event, read the default way. No vector is published; the tests compute one with node:crypto.
 */
export const aftershipScheme = defineHmacScheme({
  id: 'aftership',
  label: 'AfterShip (aftership-hmac-sha256)',
  category: 'Commerce',
  docsUrl: 'https://www.aftership.com/docs/tracking/webhook/webhook-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: TRACKING,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [TRACKING, RETURNS],
  readSignatures: (message) => readHeaderFamily(message, [TRACKING, RETURNS], '', '<base64 HMAC-SHA256>'),
});
