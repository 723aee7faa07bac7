import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { bodyField, firstOf } from '../event-sources';

const SIGNATURE_HEADER = 'X-Slack-Signature';
const TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';

/**
 * Slack (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=<hex>` = HMAC-SHA256(signing secret, `v0:${timestamp}:${body}`). Slack's
 * docs reject a request whose timestamp is more than 5 minutes from local time, either way
 * (`abs(time.time() - timestamp) > 60 * 5`), and check it before computing the signature.
 */
export const slackScheme = defineHmacScheme({
  id: 'slack',
  label: 'Slack (X-Slack-Signature)',
  category: 'Communication',
  docsUrl: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: 'v0=' },
  signatureFormat: 'v0=<hex>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [literal('v0:'), TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'timestamp-first',
  // Events API callbacks nest the type (`event.type`); other payloads (url_verification) have it on top.
  eventType: firstOf(bodyField('event.type'), bodyField('type')),
});
