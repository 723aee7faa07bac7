import { createHmac } from 'node:crypto';
import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { jsonAnswer, queryParam, refusal, type Handshake } from '../handshake';
import type { EventTypeSource } from '../event-sources';
import { jsonObjectOf } from '../../receiver/capture-metadata';

const DOCS = 'https://docs.x.com/x-api/webhooks/quickstart';

/**
 * X's challenge-response check (https://docs.x.com/x-api/webhooks/quickstart, "The CRC check"; the
 * Account Activity API's https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks
 * says the same): `GET ?crc_token=<token>`, answered 200 within 3 s with JSON
 * `{"response_token": "sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}`, at registration
 * and periodically (hourly in the v2 docs, daily in the enterprise ones); a webhook that fails it is
 * marked invalid and stops receiving events.
 */
/**
 * What a real crc_token looks like (base64-ish text, short). The answer is the HMAC of the token
 * with the consumer secret, which is also the signature of an event whose body is that text: a
 * token that could be a JSON body (`{`, `"`, spaces) is refused, so the check is not a way to
 * have Hookscope sign a forged event.
 */
const CRC_TOKEN = /^[A-Za-z0-9._~+/=-]{1,256}$/;

const crc: Handshake = {
  name: 'X CRC (crc_token)',
  matches: (request) => request.method === 'GET' && queryParam(request.query, 'crc_token') !== null,
  answer(request, { secret }) {
    const token = queryParam(request.query, 'crc_token') ?? '';
    if (!CRC_TOKEN.test(token))
      return refusal(400, 'crc_token must be up to 256 base64 or URL-safe characters, as X sends it; this one was not answered.');
    return jsonAnswer({ response_token: `sha256=${createHmac('sha256', secret).update(token).digest('base64')}` });
  },
};

/** The activity's key: Account Activity bodies hold one `<kind>_events` array (`tweet_create_events`, `favorite_events`...). */
const activityKind: EventTypeSource = (_headers, body, contentType) => {
  const json = jsonObjectOf(body, contentType);
  return json === null ? null : (Object.keys(json).find((key) => key.endsWith('_events')) ?? null);
};

/**
 * X (Twitter) webhooks, v2 and Account Activity API (https://docs.x.com/x-api/webhooks/quickstart,
 * "Signature validation"): each POST carries
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
