import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { findHeaders } from '../headers';
import { defineHmacScheme, type ReceivedSignatures } from '../hmac-scheme';
import type { SignedMessage } from '../types';

const HEADER = 'X-PagerDuty-Signature';
const VERSION = 'v1=';

/** Comma-separated `v1=<hex>` entries, one per active secret (rotation); other versions are skipped. */
function readSignatures(message: SignedMessage): ReceivedSignatures | null {
  const values = findHeaders(message.headers, HEADER);
  if (values.length === 0) return null;
  const signatures = values
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith(VERSION) && entry.length > VERSION.length)
    .map((entry) => entry.slice(VERSION.length));
  const result: ReceivedSignatures = { signatures, received: values.join(', '), rawValues: values };
  if (signatures.length === 0) result.malformed = `${HEADER} has no "v1=<hex>" entry; expected v1=<hex>[,v1=<hex>].`;
  return result;
}

/**
 * PagerDuty v3 webhooks (https://developer.pagerduty.com/docs/28e906a0bd5c8-verifying-signatures,
 * source: github.com/PagerDuty/developer-docs docs/webhooks/04-Signatures.md):
 * `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>]` = hex HMAC-SHA256(the subscription's secret, raw
 * body); several entries during a secret rotation, any may match. No timestamp is signed.
 * The payload's `event.event_type` names the event (`incident.triggered`).
 */
export const pagerdutyScheme = defineHmacScheme({
  id: 'pagerduty',
  label: 'PagerDuty (X-PagerDuty-Signature)',
  category: 'Infrastructure',
  docsUrl: 'https://developer.pagerduty.com/docs/28e906a0bd5c8-verifying-signatures',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: VERSION },
  signatureFormat: 'v1=<hex>[,v1=<hex>]',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event.event_type'),
  readSignatures,
  // The generators read one `v1=` value; a rotation's second entry would defeat them.
  snippets: false,
});
