import { BODY } from '../content';
import { bodyField, firstOf } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * LaunchDarkly (https://launchdarkly.com/docs/home/infrastructure/webhooks#sign-a-webhook): when a
 * webhook has a secret, `X-LD-Signature` = "an HMAC SHA256 hex digest of the webhook payload,
 * using the secret as the key". No timestamp (LaunchDarkly advises reordering by the payload's own
 * `date`), no delivery id header. The payload is an audit-log entry
 * (https://launchdarkly.com/docs/api/webhooks): the event is its first access's action, else its
 * `kind`. No vector is published; the tests compute one with node:crypto from these docs.
 */
export const launchdarklyScheme = defineHmacScheme({
  id: 'launchdarkly',
  label: 'LaunchDarkly (X-LD-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://launchdarkly.com/docs/home/infrastructure/webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-LD-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  // What was done (`accesses: [{action: "updateOn", ...}]`), which `kind` (`flag`) alone does not say.
  eventType: firstOf(bodyField('accesses.0.action'), bodyField('kind')),
});
