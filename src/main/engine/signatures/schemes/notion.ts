import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Notion (https://developers.notion.com/reference/webhooks, "Validating event payloads"):
 * `X-Notion-Signature: sha256=<hex>` = HMAC-SHA256 of the raw body keyed with the subscription's
 * `verification_token` (the text Notion POSTs once, unsigned, as `{"verification_token": ...}` to
 * the new endpoint and the user pastes back into Notion; that first request is therefore
 * `missing_header` here). Nothing else is signed and Notion documents no replay window. The event
 * type is the body's `type` (`page.content_updated`). Notion publishes no vector; the tests
 * compute one with node:crypto from these docs.
 */
export const notionScheme = defineHmacScheme({
  id: 'notion',
  label: 'Notion (X-Notion-Signature)',
  category: 'Productivity',
  docsUrl: 'https://developers.notion.com/reference/webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-Notion-Signature',
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('type'),
});
