import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Intercom (https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications):
 * `X-Hub-Signature: sha1=<hex>` = HMAC-SHA1(the app's client secret, raw body). No timestamp is
 * signed. The notification's `topic` names the event (`conversation.user.created`).
 */
export const intercomScheme = defineHmacScheme({
  id: 'intercom',
  label: 'Intercom (X-Hub-Signature)',
  category: 'Communication',
  docsUrl: 'https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications',
  algorithm: 'sha1',
  encoding: 'hex',
  signatureHeader: 'X-Hub-Signature',
  signature: { kind: 'plain', prefix: 'sha1=' },
  signatureFormat: 'sha1=<40 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('topic'),
});
