import { BODY, literal, TIMESTAMP } from '../content';
import { headerValue } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

const HEADER = 'X-Buildkite-Signature';

/**
 * Buildkite (https://buildkite.com/docs/apis/webhooks/pipelines#webhook-signature):
 * `X-Buildkite-Signature: timestamp=<unix seconds>,signature=<hex>` = HMAC-SHA256(the webhook's
 * token, `${timestamp}.${body}`). The docs leave the replay window to the receiver; the endpoint's
 * tolerance applies to the past only. `X-Buildkite-Event` names the event (`build.finished`). The
 * plain `X-Buildkite-Token` mode (the token itself in a header) is not this scheme.
 */
export const buildkiteScheme = defineHmacScheme({
  id: 'buildkite',
  label: 'Buildkite (X-Buildkite-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://buildkite.com/docs/apis/webhooks/pipelines#webhook-signature',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'keyed', separator: ',', timestampKey: 'timestamp', signatureKey: 'signature' },
  signatureFormat: 'timestamp=<unix seconds>,signature=<hex>',
  timestamp: { source: 'signature_header', name: `${HEADER} timestamp=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('X-Buildkite-Event'),
});
