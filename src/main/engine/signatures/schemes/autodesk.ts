import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Autodesk Platform Services webhooks
 * (https://aps.autodesk.com/en/docs/webhooks/v1/tutorials/how-to-verify-payload-signature/):
 * `x-adsk-signature: sha1hash=<hex>`, the HMAC-SHA1 of the callback body keyed with the secret
 * token the app set (text); the tutorial's Node sample: `'sha1hash=' + crypto.createHmac('sha1',
 * WEBHOOKS_SECRET).update(body).digest('hex')`. No timestamp. The event is the payload's
 * `hook.event` (`dm.version.added`). No vector is published; the tests compute one with node:crypto.
 */
export const autodeskScheme = defineHmacScheme({
  id: 'autodesk',
  label: 'Autodesk Platform Services (x-adsk-signature)',
  category: 'Developer tools',
  docsUrl: 'https://aps.autodesk.com/en/docs/webhooks/v1/tutorials/how-to-verify-payload-signature/',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'x-adsk-signature',
  signature: { kind: 'plain', prefix: 'sha1hash=' },
  signatureFormat: 'sha1hash=<hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('hook.event'),
});
