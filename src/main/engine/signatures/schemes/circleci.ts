import { BODY } from '../content';
import { bodyField, firstOf, headerValue } from '../event-sources';
import { findHeaders } from '../headers';
import { defineHmacScheme, type ReceivedSignatures } from '../hmac-scheme';
import type { SignedMessage } from '../types';

const HEADER = 'circleci-signature';
const FORMAT = 'v1=<hex>[,v2=...]';

/**
 * `circleci-signature` is "a comma-separated list of versioned signatures" (`v1=<hex>,v2=...`);
 * only v1 exists, and CircleCI asks receivers to check the latest version they know, so the v1
 * entries are the candidates and unknown versions are skipped.
 */
function readVersioned(message: SignedMessage): ReceivedSignatures | null {
  const values = findHeaders(message.headers, HEADER);
  if (values.length === 0) return null;
  const signatures: string[] = [];
  for (const value of values) {
    for (const item of value.split(',')) {
      const [version, mac] = item.trim().split('=', 2);
      if (version === 'v1' && mac) signatures.push(mac);
    }
  }
  const result: ReceivedSignatures = { signatures, received: values.join(', '), rawValues: values };
  if (signatures.length === 0) result.malformed = `${HEADER} has no v1=<hex> entry; expected ${FORMAT}.`;
  return result;
}

/**
 * CircleCI outbound webhooks (https://circleci.com/docs/webhooks/#validate-webhooks): v1 = hex
 * HMAC-SHA256 of the request body keyed with the webhook's secret token (text). The docs publish
 * three vectors (`hello world` / `secret` → `734cc62f...`) used by the tests. No timestamp is
 * signed; the event type is the `circleci-event-type` header (`workflow-completed`), also the
 * body's `type`. The delivery id is the body's `id`, not a header.
 */
export const circleciScheme = defineHmacScheme({
  id: 'circleci',
  label: 'CircleCI (circleci-signature)',
  category: 'Developer tools',
  docsUrl: 'https://circleci.com/docs/webhooks/',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: 'v1=' },
  signatureFormat: FORMAT,
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstOf(headerValue('circleci-event-type'), bodyField('type')),
  readSignatures: readVersioned,
  // The derived snippets compare the whole header after `v1=`; a list with a later version would fail them.
  snippets: false,
});
