import { BODY, TIMESTAMP } from '../content';
import { eventText } from '../../receiver/capture-metadata';
import type { EventTypeSource } from '../event-sources';
import { defineKeyPairScheme } from '../keypair-scheme';
import { p256SpkiKeys } from '../key-formats';

/**
 * SendGrid's Signed Event Webhook
 * (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features):
 * ECDSA (P-256, SHA-256) over the X-Twilio-Email-Event-Webhook-Timestamp text followed by the
 * raw body; the signature header is the base64 DER signature; the verification key is shown in
 * Mail Settings as base64 SubjectPublicKeyInfo. The official @sendgrid/eventwebhook library
 * verifies exactly `timestamp + payload` and checks no timestamp window (none is documented); the
 * endpoint's tolerance applies here (unix seconds). Deliveries are a JSON array of events, each
 * with its `event` name; there is no delivery id header (each event has its own sg_event_id).
 */

const EVENT_PARSE_LIMIT = 256 * 1024;

/** The `event` of the first event in the batch. */
const firstEventName: EventTypeSource = (_headers, body) => {
  if (body.length === 0 || body.length > EVENT_PARSE_LIMIT) return null;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
    return first !== null && typeof first === 'object' ? eventText((first as Record<string, unknown>).event) : null;
  } catch {
    return null;
  }
};

export const sendgridScheme = defineKeyPairScheme({
  id: 'sendgrid',
  label: 'SendGrid (X-Twilio-Email-Event-Webhook-Signature)',
  category: 'Communication',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features',
  keys: p256SpkiKeys,
  signatureHeader: 'X-Twilio-Email-Event-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  encoding: 'base64',
  signatureFormat: '<base64 DER ECDSA P-256 signature>',
  timestamp: { source: 'header', name: 'X-Twilio-Email-Event-Webhook-Timestamp', unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [TIMESTAMP, BODY],
  order: 'signature-first',
  eventType: firstEventName,
});
