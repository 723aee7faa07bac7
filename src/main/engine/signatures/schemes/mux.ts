import { BODY, literal, TIMESTAMP } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'Mux-Signature';

/**
 * Mux (https://www.mux.com/docs/core/verify-webhook-signatures): `Mux-Signature: t=<unix
 * seconds>,v1=<hex>` = HMAC-SHA256(the webhook's signing secret, `${t}.${body}`); v1 is the only
 * scheme. The docs leave the tolerance to the receiver ("compute the difference between the
 * current timestamp and the received timestamp"); the endpoint's applies, to the past only, as
 * for Stripe whose format Mux copies. The payload's `type` names the event (`video.asset.ready`).
 */
export const muxScheme = defineHmacScheme({
  id: 'mux',
  label: 'Mux (Mux-Signature)',
  category: 'Infrastructure',
  docsUrl: 'https://www.mux.com/docs/core/verify-webhook-signatures',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 'v1' },
  signatureFormat: 't=<unix seconds>,v1=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
