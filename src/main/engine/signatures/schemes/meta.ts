import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { queryParam, textAnswer, type Handshake } from '../handshake';
import type { EventTypeSource } from '../event-sources';
import { eventText, jsonObjectOf } from '../../receiver/capture-metadata';

/**
 * Meta's verification request (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Verification Requests"):
 * `GET ?hub.mode=subscribe&hub.challenge=<int>&hub.verify_token=<the token set in the app
 * dashboard>`; the endpoint checks the token and answers 200 with the challenge as the body.
 * Hookscope answers when the token equals the endpoint's verify_token, or whatever it is when the
 * endpoint has none (handy when trying things out), and 403 otherwise, as Meta's sample does.
 */
const subscribe: Handshake = {
  name: 'Meta hub.challenge',
  matches: (request) =>
    request.method === 'GET' &&
    queryParam(request.query, 'hub.mode') === 'subscribe' &&
    queryParam(request.query, 'hub.challenge') !== null,
  answer(request, { verifyToken }) {
    const token = queryParam(request.query, 'hub.verify_token');
    if (verifyToken !== null && token !== verifyToken) {
      return {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: "hub.verify_token does not match this endpoint's verify token",
      };
    }
    return textAnswer(queryParam(request.query, 'hub.challenge') ?? '');
  },
};

/**
 * `<object>.<field>` of a notification, e.g. `whatsapp_business_account.messages` or `page.feed`
 * (getting-started, "Event Notifications":
 * `object` names the product, `entry[].changes[].field` the subscribed field); `<object>` alone
 * when the first entry has no `changes` (Messenger's `messaging`).
 */
const objectAndField: EventTypeSource = (_headers, body, contentType) => {
  const json = jsonObjectOf(body, contentType);
  const object = eventText(json?.object);
  if (object === null) return null;
  const entry = Array.isArray(json?.entry) ? (json.entry[0] as { changes?: unknown } | undefined) : undefined;
  const change = Array.isArray(entry?.changes) ? (entry.changes[0] as { field?: unknown } | undefined) : undefined;
  const field = eventText(change?.field);
  return eventText(field === null ? object : `${object}.${field}`);
};

/**
 * Meta: Facebook, Instagram, WhatsApp Business and Messenger webhooks
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Validating Payloads"):
 * `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(app secret, raw body). No timestamp is signed
 * (the legacy `X-Hub-Signature: sha1=` is not read).
 */
export const metaScheme = defineHmacScheme({
  id: 'meta',
  label: 'Meta (X-Hub-Signature-256)',
  category: 'Communication',
  docsUrl: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Hub-Signature-256',
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: objectAndField,
  handshake: subscribe,
});
