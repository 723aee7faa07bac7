import { eventText, jsonObjectOf } from '../../receiver/capture-metadata';
import { BODY } from '../content';
import type { EventTypeSource } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/** A Pusher webhook batches events (`{"time_ms":..., "events":[{"name":"channel_occupied",...}]}`): the first names it. */
const firstEventName: EventTypeSource = (_headers, body, contentType) => {
  const events = jsonObjectOf(body, contentType)?.events;
  const first: unknown = Array.isArray(events) ? events[0] : null;
  return first !== null && typeof first === 'object' ? eventText((first as Record<string, unknown>).name) : null;
};

/**
 * Pusher Channels (https://pusher.com/docs/channels/server_api/webhooks/#authentication):
 * `X-Pusher-Signature` = hex HMAC-SHA256 of the body keyed with the app secret (text);
 * `X-Pusher-Key` names the app key it belongs to. pusher-http-node's WebHook.isValid
 * (lib/webhook.js) also requires `Content-Type: application/json` and that key; here only the
 * signature is checked. No timestamp is signed (the body's `time_ms` is informational).
 */
export const pusherScheme = defineHmacScheme({
  id: 'pusher',
  label: 'Pusher Channels (X-Pusher-Signature)',
  category: 'Communication',
  docsUrl: 'https://pusher.com/docs/channels/server_api/webhooks/',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Pusher-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstEventName,
  headerNames: ['x-pusher-key', 'x-pusher-signature'],
});
