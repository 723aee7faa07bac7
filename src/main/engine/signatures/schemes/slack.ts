import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readPrefixed } from '../formats';

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
  docsUrl: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signatureFormat: 'v0=<hex>',
  signaturePrefix: 'v0=',
  multipleSignatures: false,
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 's', direction: 'both', required: true },
  idHeader: null,
  usesUrl: false,
  template: [literal('v0:'), TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'timestamp-first',
  headerNames: [SIGNATURE_HEADER.toLowerCase(), TIMESTAMP_HEADER.toLowerCase()],
  hasSnippets: true,
  readSignatures: (message) => readPrefixed(message, SIGNATURE_HEADER, 'v0=', 'v0=<64 lowercase hex>'),
  signHeaders: ({ encoded, timestamp }) => ({ [TIMESTAMP_HEADER]: timestamp ?? '', [SIGNATURE_HEADER]: `v0=${encoded}` }),
});
