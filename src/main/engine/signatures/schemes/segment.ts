import { BODY } from '../content';
import { bodyField, firstOf } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Segment's Webhooks (Actions) destination (https://segment.com/docs/connections/destinations/catalog/actions-webhook/):
 * with a Shared Secret set, `X-Signature` = hex HMAC-SHA1 keyed with the secret's text over the JSON
 * it sends. Source: segmentio/action-destinations, destinations/webhook/index.ts (`extendRequest`:
 * `createHmac('sha1', sharedSecret).update(JSON.stringify(payloadData), 'utf8').digest('hex')`),
 * i.e. the exact body of an unbatched request. With batching on, Segment signs only the FIRST
 * event's JSON (same code: `payload[0].data`; confirmed in Twilio support article 51193799782171),
 * so a batched body never verifies here: the diagnosis then reports a mismatch. The event type
 * is a track call's `event` (`Order Completed`), else the call `type` (`identify`).
 */
export const segmentScheme = defineHmacScheme({
  id: 'segment',
  label: 'Segment (X-Signature)',
  category: 'Marketing & CRM',
  docsUrl: 'https://segment.com/docs/connections/destinations/catalog/actions-webhook/',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'X-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<40 hex HMAC-SHA1>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstOf(bodyField('event'), bodyField('type')),
});
