import { createHmac } from 'node:crypto';
import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { jsonAnswer, queryParam, type Handshake } from '../handshake';
import type { EventTypeSource } from '../event-sources';
import { jsonObjectOf } from '../../receiver/capture-metadata';

const DOCS = 'https://docs.x.com/x-api/webhooks/introduction';

/**
 * X's challenge-response check (https://docs.x.com/x-api/webhooks/introduction#challenge-response-checks,
 * formerly developer.twitter.com's "Securing webhooks"): `GET ?crc_token=<token>`, answered 200 with
 * JSON `{"response_token": "sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}`, at
 * registration and about hourly; a webhook that fails it stops receiving events.
 */
const crc: Handshake = {
  name: 'X CRC (crc_token)',
  matches: (request) => request.method === 'GET' && queryParam(request.query, 'crc_token') !== null,
  answer(request, { secret }) {
    const token = queryParam(request.query, 'crc_token') ?? '';
    return jsonAnswer({ response_token: `sha256=${createHmac('sha256', secret).update(token).digest('base64')}` });
  },
};

/** The activity's key: Account Activity bodies hold one `<kind>_events` array (`tweet_create_events`, `favorite_events`...). */
const activityKind: EventTypeSource = (_headers, body, contentType) => {
  const json = jsonObjectOf(body, contentType);
  return json === null ? null : Object.keys(json).find((key) => key.endsWith('_events')) ?? null;
};

/**
 * X (Twitter) Account Activity API (https://docs.x.com/x-api/webhooks/introduction): each POST carries
 * `x-twitter-webhooks-signature: sha256=<base64>` = HMAC-SHA256(app consumer secret, raw body).
 * No timestamp is signed.
 */
export const xScheme = defineHmacScheme({
  id: 'x',
  label: 'X / Twitter (x-twitter-webhooks-signature)',
  category: 'Communication',
  docsUrl: DOCS,
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'x-twitter-webhooks-signature',
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: activityKind,
  handshake: crc,
});
