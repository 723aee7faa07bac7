import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { bodyField, firstOf } from '../event-sources';
import { jsonBodyWith, textAnswer, type Handshake } from '../handshake';

const SIGNATURE_HEADER = 'X-Slack-Signature';
const TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';

/**
 * Slack's Events API URL check (https://api.slack.com/events/url_verification): a POST with JSON
 * `{"type": "url_verification", "challenge": ..., "token": ...}`, answered 200 with the challenge
 * (plain text is one of the three forms Slack accepts) within 3 s.
 */
const urlVerification: Handshake = {
  name: 'Slack url_verification',
  matches: (request) => request.method === 'POST' && jsonBodyWith(request.body, 'url_verification')?.type === 'url_verification',
  answer(request) {
    const challenge = jsonBodyWith(request.body, 'challenge')?.challenge;
    return typeof challenge === 'string' ? textAnswer(challenge) : null;
  },
};

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
  handshake: urlVerification,
});
