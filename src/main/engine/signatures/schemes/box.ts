import { BODY, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';
import { readHeaderFamily } from './header-family';

const PRIMARY = 'BOX-SIGNATURE-PRIMARY';
const SECONDARY = 'BOX-SIGNATURE-SECONDARY';
const TIMESTAMP_HEADER = 'BOX-DELIVERY-TIMESTAMP';

/**
 * Box webhooks v2 (https://developer.box.com/guides/webhooks/v2/signatures-v2/): base64
 * HMAC-SHA256 over "the bytes of the payload body first, and then the bytes of the timestamp found
 * in the BOX-DELIVERY-TIMESTAMP header" (RFC 3339), keyed with the app's primary or secondary
 * signature key (text). BOX-SIGNATURE-PRIMARY is signed with the primary key and
 * BOX-SIGNATURE-SECONDARY with the secondary one; with one key configured here, either header may
 * match. The docs reject a timestamp older than ten minutes (only older: past-only; the endpoint's
 * tolerance applies). box-node-sdk's `validateMessage` also requires BOX-SIGNATURE-VERSION `1` and
 * BOX-SIGNATURE-ALGORITHM `HmacSHA256`, so signing sends them. The body's `trigger`
 * (`FILE.UPLOADED`) names the event. No vector is published; the tests compute one with node:crypto.
 */
export const boxScheme = defineHmacScheme({
  id: 'box',
  label: 'Box (BOX-SIGNATURE-PRIMARY)',
  category: 'Productivity',
  docsUrl: 'https://developer.box.com/guides/webhooks/v2/signatures-v2/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: PRIMARY,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256> (primary or secondary key)',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'rfc3339', direction: 'past-only', required: true },
  idHeader: null,
  template: [BODY, TIMESTAMP],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('trigger'),
  headerNames: [PRIMARY, SECONDARY, TIMESTAMP_HEADER, 'BOX-SIGNATURE-VERSION', 'BOX-SIGNATURE-ALGORITHM'].map((name) => name.toLowerCase()),
  readSignatures: (message) => readHeaderFamily(message, [PRIMARY, SECONDARY], '', '<base64 HMAC-SHA256>'),
  signHeaders: ({ encoded, timestamp }) => ({
    [TIMESTAMP_HEADER]: timestamp ?? '',
    'BOX-SIGNATURE-VERSION': '1',
    'BOX-SIGNATURE-ALGORITHM': 'HmacSHA256',
    [PRIMARY]: encoded,
  }),
});
