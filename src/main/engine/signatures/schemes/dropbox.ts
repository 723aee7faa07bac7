import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { queryParam, type Handshake } from '../handshake';
import type { EventTypeSource } from '../event-sources';
import { jsonObjectOf } from '../../receiver/capture-metadata';

const DOCS = 'https://www.dropbox.com/developers/reference/webhooks';

/**
 * Dropbox's verification request (https://www.dropbox.com/developers/reference/webhooks#documentation):
 * `GET ?challenge=<value>`, answered by echoing the value with `Content-Type: text/plain` and
 * `X-Content-Type-Options: nosniff` (Dropbox asks for both, so the echo cannot be sniffed as HTML).
 */
const challenge: Handshake = {
  name: 'Dropbox challenge',
  matches: (request) => request.method === 'GET' && queryParam(request.query, 'challenge') !== null,
  answer: (request) => ({
    status: 200,
    headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' },
    body: queryParam(request.query, 'challenge') ?? '',
  }),
};

/** Dropbox names no event: a notification holds `list_folder` (and the legacy `delta`) with the accounts that changed. */
const notification: EventTypeSource = (_headers, body, contentType) => {
  const json = jsonObjectOf(body, contentType);
  return json !== null && 'list_folder' in json ? 'list_folder' : null;
};

/**
 * Dropbox (https://www.dropbox.com/developers/reference/webhooks): `X-Dropbox-Signature` = hex
 * HMAC-SHA256(app secret, raw body). No timestamp is signed.
 */
export const dropboxScheme = defineHmacScheme({
  id: 'dropbox',
  label: 'Dropbox (X-Dropbox-Signature)',
  category: 'Productivity',
  docsUrl: DOCS,
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Dropbox-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: notification,
  handshake: challenge,
});
