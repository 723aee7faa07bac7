import { BODY, ID, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { headerValue } from '../event-sources';
import { findHeader } from '../headers';
import { jsonBodyWith, textAnswer, type Handshake } from '../handshake';

const SIGNATURE_HEADER = 'Twitch-Eventsub-Message-Signature';
const TIMESTAMP_HEADER = 'Twitch-Eventsub-Message-Timestamp';
const ID_HEADER = 'Twitch-Eventsub-Message-Id';

/**
 * Twitch's callback verification (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request):
 * a signed POST with `Twitch-Eventsub-Message-Type: webhook_callback_verification` and JSON
 * `{"challenge": ...}`, answered 200 with the raw challenge as text/plain. Twitch asks to verify
 * the signature first, so only a request that verifies is answered; one that does not gets the
 * endpoint's usual answer (a 401 when it enforces).
 */
const callbackVerification: Handshake = {
  name: 'Twitch webhook_callback_verification',
  matches: (request) => findHeader(request.headers, 'Twitch-Eventsub-Message-Type') === 'webhook_callback_verification',
  answer(request, { verified }) {
    const challenge = jsonBodyWith(request.body, 'challenge')?.challenge;
    return verified && typeof challenge === 'string' ? textAnswer(challenge) : null;
  },
};

/**
 * Twitch EventSub (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message):
 * `sha256=<hex>` HMAC-SHA256 over message id + timestamp + body with no separators; the timestamp
 * is RFC 3339 (nanoseconds); Twitch asks to reject messages older than 10 minutes.
 */
export const twitchScheme = defineHmacScheme({
  id: 'twitch',
  label: 'Twitch EventSub (Twitch-Eventsub-Message-Signature)',
  category: 'Communication',
  docsUrl: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<64 lowercase hex>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'rfc3339', direction: 'past-only', required: true },
  idHeader: ID_HEADER,
  template: [ID, TIMESTAMP, BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('Twitch-Eventsub-Subscription-Type'),
  deliveryIdHeader: ID_HEADER,
  handshake: callbackVerification,
});
