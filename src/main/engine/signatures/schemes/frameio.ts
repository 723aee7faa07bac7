import { BODY, literal, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Frame.io (https://developer.frame.io/platform/v2/webhooks-overview, "Security"; the same in v4):
 * `X-Frameio-Signature: v0=<hex>` = HMAC-SHA256(the webhook's signing secret,
 * `v0:${timestamp}:${body}`), `X-Frameio-Request-Timestamp` in unix seconds; the docs reject a
 * request more than 5 minutes from now either way, checking the time first, as Slack's scheme
 * (which Frame.io's copies) does. The body's `type` names the event (`asset.created`).
 */
export const frameioScheme = defineHmacScheme({
  id: 'frameio',
  label: 'Frame.io (X-Frameio-Signature)',
  category: 'Productivity',
  docsUrl: 'https://developer.frame.io/platform/v2/webhooks-overview',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Frameio-Signature',
  signature: { kind: 'plain', prefix: 'v0=' },
  signatureFormat: 'v0=<hex>',
  timestamp: { source: 'header', name: 'X-Frameio-Request-Timestamp', unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [literal('v0:'), TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'timestamp-first',
  eventType: bodyField('type'),
});
