import { BODY, ID, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readPrefixed } from '../formats';

const SIGNATURE_HEADER = 'Twitch-Eventsub-Message-Signature';
const TIMESTAMP_HEADER = 'Twitch-Eventsub-Message-Timestamp';
const ID_HEADER = 'Twitch-Eventsub-Message-Id';

/**
 * Twitch EventSub (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message):
 * `sha256=<hex>` HMAC-SHA256 over message id + timestamp + body with no separators; the timestamp
 * is RFC 3339 (nanoseconds); Twitch asks to reject messages older than 10 minutes.
 */
export const twitchScheme = defineHmacScheme({
  id: 'twitch',
  label: 'Twitch EventSub (Twitch-Eventsub-Message-Signature)',
  docsUrl: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signatureFormat: 'sha256=<hex>',
  signaturePrefix: 'sha256=',
  multipleSignatures: false,
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'rfc3339', direction: 'past-only', required: true },
  idHeader: ID_HEADER,
  usesUrl: false,
  template: [ID, TIMESTAMP, BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [ID_HEADER.toLowerCase(), TIMESTAMP_HEADER.toLowerCase(), SIGNATURE_HEADER.toLowerCase()],
  hasSnippets: false,
  readSignatures: (message) => readPrefixed(message, SIGNATURE_HEADER, 'sha256=', 'sha256=<64 lowercase hex>'),
  signHeaders: ({ encoded, timestamp, id }) => ({
    [ID_HEADER]: id ?? '',
    [TIMESTAMP_HEADER]: timestamp ?? '',
    [SIGNATURE_HEADER]: `sha256=${encoded}`,
  }),
});
