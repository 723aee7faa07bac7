import { BODY } from '../content';
import { headerValue, withAction } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Sonatype Nexus Repository and Nexus IQ
 * (https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html): with a Secret Key,
 * `X-Nexus-Webhook-Signature` = hex HMAC-SHA1 of the JSON body (sent compact, "without
 * whitespace"), keyed with the key's text; their consumer sample: `createHmac("sha1",
 * secretKey)...digest("hex")` (https://help.sonatype.com/en/lifecycle-webhooks.html).
 * `X-Nexus-Webhook-Id` is the event type (`rm:repository:component`), the body's `action`
 * (`CREATED`) completes it; `X-Nexus-Webhook-Delivery` is "a unique UUID identifying the event".
 * No timestamp is signed. No vector is published; the tests compute one with node:crypto.
 */
export const sonatypeNexusScheme = defineHmacScheme({
  id: 'sonatype-nexus',
  label: 'Sonatype Nexus (X-Nexus-Webhook-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'X-Nexus-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<40 hex HMAC-SHA1>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: withAction(headerValue('X-Nexus-Webhook-Id')),
  deliveryIdHeader: 'X-Nexus-Webhook-Delivery',
});
