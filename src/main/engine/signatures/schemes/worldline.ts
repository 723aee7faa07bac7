import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const KEY_ID = 'X-GCS-KeyId';

/**
 * Worldline Connect / Online Payments webhooks
 * (https://docs.connect.worldline-solutions.com/documentation/webhooks/event-structure/):
 * `X-GCS-Signature` = "the HMAC-SHA256 signature of the HTTP body", base64, keyed with the
 * webhook secret key's text; `X-GCS-KeyId` names which key (one secret is configured here, so it is
 * only shown). The SDKs' own test (connect-sdk-nodejs / -php WebhooksHelper tests: secret
 * `hello+world`, signature `2S7doBj/...ZEk=`) is the vector the tests use. No timestamp is signed;
 * the body's `type` (`payment.paid`) names the event. Worldline's endpoint verification GET
 * (X-GCS-Webhooks-Endpoint-Verification, echoed back) is a handshake, not handled here.
 */
export const worldlineScheme = defineHmacScheme({
  id: 'worldline',
  label: 'Worldline (X-GCS-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://docs.connect.worldline-solutions.com/documentation/webhooks/event-structure/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'X-GCS-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
  headerNames: ['x-gcs-signature', KEY_ID.toLowerCase()],
});
