import { BODY } from '../content';
import { firstItemField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * HCP Terraform / Terraform Enterprise notifications
 * (https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity):
 * `X-TFE-Notification-Signature` = hex HMAC-SHA512(the notification configuration's token, raw
 * body). No timestamp is signed. The first notification's `trigger` names the event (`run:created`).
 */
export const terraformScheme = defineHmacScheme({
  id: 'terraform',
  label: 'Terraform (X-TFE-Notification-Signature)',
  category: 'Infrastructure',
  docsUrl: 'https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity',
  algorithm: 'sha512',
  encoding: 'hex',
  signatureHeader: 'X-TFE-Notification-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<128 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: firstItemField('notifications', 'trigger'),
});
