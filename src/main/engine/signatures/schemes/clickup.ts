import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * ClickUp (https://developer.clickup.com/docs/webhooksignature): `X-Signature` = hex HMAC-SHA256 of
 * the raw body, keyed with the `webhook.secret` returned when the webhook was created (used as
 * text). No timestamp, no delivery id header; the body names the event (`"event": "taskCreated"`).
 * The docs' example signature is shortened, so it is no vector; the tests compute one with
 * node:crypto from these docs.
 */
export const clickupScheme = defineHmacScheme({
  id: 'clickup',
  label: 'ClickUp (X-Signature)',
  category: 'Productivity',
  docsUrl: 'https://developer.clickup.com/docs/webhooksignature',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event'),
});
