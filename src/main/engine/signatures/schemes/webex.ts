import { BODY } from '../content';
import { bodyField, type EventTypeSource } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const resource = bodyField('resource');
const event = bodyField('event');
/** `messages.created`: the body's resource and event. */
const eventType: EventTypeSource = (headers, body, contentType) => {
  const [first, second] = [resource(headers, body, contentType), event(headers, body, contentType)];
  return first !== null && second !== null ? `${first}.${second}` : first ?? second;
};

/**
 * Webex (https://developer.webex.com/docs/webhooks#handling-requests-from-webex):
 * `X-Spark-Signature` = hex HMAC-SHA1(the webhook's secret, raw body). No timestamp is signed.
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
  eventType,
});
