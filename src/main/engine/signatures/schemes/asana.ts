import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { findHeader } from '../headers';
import type { Handshake } from '../handshake';
import type { EventTypeSource } from '../event-sources';
import { eventText, jsonObjectOf } from '../../receiver/capture-metadata';

const DOCS = 'https://developers.asana.com/docs/webhooks-guide';
const SECRET_HEADER = 'X-Hook-Secret';

/**
 * Asana's handshake (https://developers.asana.com/reference/createwebhook, "Establish a webhook"):
 * while the webhook is being created, Asana POSTs a request with an `X-Hook-Secret` header; the
 * endpoint answers `200 OK` or `204 No Content` with a matching `X-Hook-Secret` header. The value is the secret every later event is signed
 * with: the capture keeps it (in its request headers and the answer) so it can be set as the
 * endpoint's secret.
 */
const hookSecret: Handshake = {
  name: 'Asana X-Hook-Secret',
  matches: (request) => request.method === 'POST' && findHeader(request.headers, SECRET_HEADER) !== null,
  answer: (request) => ({ status: 200, headers: { [SECRET_HEADER]: findHeader(request.headers, SECRET_HEADER) ?? '' }, body: '' }),
};

/** `<resource_type>.<action>` of the first event, e.g. `task.changed` (a heartbeat has no events). */
const firstEvent: EventTypeSource = (_headers, body, contentType) => {
  const events = jsonObjectOf(body, contentType)?.events;
  const event = Array.isArray(events) ? (events[0] as { action?: unknown; resource?: { resource_type?: unknown } } | undefined) : undefined;
  const action = eventText(event?.action);
  if (action === null) return null;
  const type = eventText(event?.resource?.resource_type);
  return eventText(type === null ? action : `${type}.${action}`);
};

/**
 * Asana (https://developers.asana.com/docs/webhooks-guide#security): `X-Hook-Signature` = hex
 * HMAC-SHA256(the X-Hook-Secret of the handshake, raw body). No timestamp is signed.
 */
export const asanaScheme = defineHmacScheme({
  id: 'asana',
  label: 'Asana (X-Hook-Signature)',
  category: 'Productivity',
  docsUrl: DOCS,
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Hook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstEvent,
  handshake: hookSecret,
});
