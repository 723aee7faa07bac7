import { eventText, jsonObjectOf } from '../../receiver/capture-metadata';
import { BODY } from '../content';
import { bodyField, firstOf, type EventTypeSource } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * The first access's action of a LaunchDarkly audit-log entry (`accesses: [{action: "updateOn",
 * resource: "proj/...:flag/..."}]`): what was done, which `kind` (`flag`) alone does not say.
 */
const firstAccessAction: EventTypeSource = (_headers, body, contentType) => {
  const accesses = jsonObjectOf(body, contentType)?.accesses;
  if (!Array.isArray(accesses)) return null;
  const first: unknown = accesses[0];
  return first !== null && typeof first === 'object' ? eventText((first as Record<string, unknown>).action) : null;
};

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
  eventType: firstOf(firstAccessAction, bodyField('kind')),
});
