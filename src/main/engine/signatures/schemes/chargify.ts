import { eventText } from '../../receiver/capture-metadata';
import { BODY } from '../content';
import type { EventTypeSource } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/** Chargify posts form fields; `event` names the event (`signup_success`). */
const formEvent: EventTypeSource = (_headers, body) =>
  body.length > 256 * 1024 ? null : eventText(new URLSearchParams(body.toString('utf8')).get('event'));

/**
 * Chargify, now Maxio Advanced Billing
 * (https://maxio-chargify.zendesk.com/hc/en-us/articles/5405357509645-Webhooks-Reference#webhook-signature,
 * the page ngrok's webhook verification links): `X-Chargify-Webhook-Signature-Hmac-Sha-256` = hex
 * HMAC-SHA256(the site's shared key, raw body), the body form-encoded. No timestamp is signed.
 * The page itself could not be read here; the facts agree with Chargify's own engineers' sample
 * receivers and merchants' implementations. The legacy MD5 `X-Chargify-Webhook-Signature` is not read.
 */
export const chargifyScheme = defineHmacScheme({
  id: 'chargify',
  label: 'Chargify / Maxio (X-Chargify-Webhook-Signature-Hmac-Sha-256)',
  category: 'Payments & billing',
  docsUrl: 'https://maxio-chargify.zendesk.com/hc/en-us/articles/5405357509645-Webhooks-Reference#webhook-signature',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Chargify-Webhook-Signature-Hmac-Sha-256',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: formEvent,
});
