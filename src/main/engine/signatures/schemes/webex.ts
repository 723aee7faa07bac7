import { BODY } from '../content';
import { bodyField, joined } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Webex (https://developer.webex.com/docs/webhooks#handling-requests-from-webex):
 * `X-Spark-Signature` = hex HMAC-SHA1(the webhook's secret, raw body). No timestamp is signed.
 * The body's resource and event name the event (`messages.created`).
 */
export const webexScheme = defineHmacScheme({
  id: 'webex',
  label: 'Webex (X-Spark-Signature)',
  category: 'Communication',
  docsUrl: 'https://developer.webex.com/docs/webhooks#handling-requests-from-webex',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'X-Spark-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<40 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: joined(bodyField('resource'), bodyField('event')),
});
