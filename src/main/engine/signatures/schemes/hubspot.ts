import { BODY, METHOD, TIMESTAMP, URL_PART } from '../content';
import { firstItemField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';
import type { SignedMessage } from '../types';

const SIGNATURE_HEADER = 'X-HubSpot-Signature-v3';
const TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';

/** The escapes HubSpot's docs list as decoded in the signed URI (and only those). */
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URL as HubSpot signs it: the listed escapes decoded, every other byte as sent. */
export function hubspotUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED[escape.toUpperCase()] ?? escape);
}

/**
 * HubSpot v3 (https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature):
 * `X-HubSpot-Signature-v3` = base64 HMAC-SHA256(the app's client secret, method + URI + raw body +
 * timestamp), no separators; the URI is the full URL HubSpot called (`https://host/path?query`)
 * with the escapes listed in the docs decoded; `X-HubSpot-Request-Timestamp` is unix ms, and the
 * docs reject it when older than 5 minutes, before computing anything. The legacy v1/v2
 * `X-HubSpot-Signature` (SHA-256 of secret + content, not an HMAC) is not read.
 */
export const hubspotScheme = defineHmacScheme({
  id: 'hubspot',
  label: 'HubSpot (X-HubSpot-Signature-v3)',
  category: 'Marketing & CRM',
  docsUrl: 'https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 'ms', direction: 'past-only', required: true },
  idHeader: null,
  template: [METHOD, URL_PART, BODY, TIMESTAMP],
  secretFormat: 'text',
  order: 'timestamp-first',
  // Deliveries are a JSON array of events; the first one's `subscriptionType` names them.
  eventType: firstItemField('', 'subscriptionType'),
  readUrl: (message: SignedMessage) => (message.url === undefined ? null : hubspotUri(message.url)),
});
