import { BODY } from '../content';
import { headerValue } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Bitbucket Cloud (https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks):
 * `X-Hub-Signature: sha256=<hex>` = HMAC-SHA256(the webhook's secret, raw body); Bitbucket Data
 * Center signs the same way. No timestamp. `X-Event-Key` names the event (`repo:push`).
 * Bitbucket's `X-Request-UUID` is not documented as stable across retries, so no delivery id.
 */
export const bitbucketScheme = defineHmacScheme({
  id: 'bitbucket',
  label: 'Bitbucket (X-Hub-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Hub-Signature',
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: headerValue('X-Event-Key'),
});
