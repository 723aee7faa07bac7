import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'WorkOS-Signature';

/**
 * WorkOS (https://workos.com/docs/events/data-syncing/webhooks, and workos-node
 * src/webhooks/webhooks.ts): `WorkOS-Signature: t=<unix ms>, v1=<hex>` = HMAC-SHA256(the
 * endpoint's secret, `${t}.${body}`); the SDK rejects a timestamp older than its tolerance (3
 * minutes by default, `timestamp < Date.now() - tolerance`: the past only). The body's `event`
 * names the event (`user.created`), the default source.
 */
export const workosScheme = defineHmacScheme({
  id: 'workos',
  label: 'WorkOS (WorkOS-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://workos.com/docs/events/data-syncing/webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 'v1' },
  signatureFormat: 't=<unix ms>, v1=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} t=`, unit: 'ms', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
});
