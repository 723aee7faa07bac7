import { BODY } from '../content';
import { headerValue, withAction } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Sentry integration platform (https://docs.sentry.io/organization/integrations/integration-platform/webhooks/):
 * `Sentry-Hook-Signature` = hex HMAC-SHA256(the integration's client secret, body). The docs
 * compute it over `JSON.stringify(request.body)`, which is the body as sent (compact JSON).
 * `Sentry-Hook-Timestamp` is sent but not signed, so it is not checked. `Sentry-Hook-Resource`
 * with the body's `action` names the event (`issue.created`). `Request-ID` is not documented as
 * stable across retries, so no delivery id.
 */
export const sentryScheme = defineHmacScheme({
  id: 'sentry',
  label: 'Sentry (Sentry-Hook-Signature)',
  category: 'Developer tools',
  docsUrl: 'https://docs.sentry.io/organization/integrations/integration-platform/webhooks/',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'Sentry-Hook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: withAction(headerValue('Sentry-Hook-Resource')),
});
