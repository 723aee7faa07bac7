import { BODY } from '../content';
import { bodyField, withAction } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Heroku app webhooks (https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests):
 * `Heroku-Webhook-Hmac-SHA256` = base64 HMAC-SHA256(the webhook's secret, raw body). No timestamp
 * is signed. The body's `resource` with its `action` names the event (`build.update`).
 */
export const herokuScheme = defineHmacScheme({
  id: 'heroku',
  label: 'Heroku (Heroku-Webhook-Hmac-SHA256)',
  category: 'Infrastructure',
  docsUrl: 'https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'Heroku-Webhook-Hmac-SHA256',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: withAction(bodyField('resource')),
});
