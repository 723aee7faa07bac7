import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { bodyField, firstOf, headerValue, withAction } from '../event-sources';
import type { SignedMessage } from '../types';

const HEADER = 'Linear-Signature';
const TIMESTAMP_FIELD = 'webhookTimestamp';

/** Linear puts the send time in the signed body (`webhookTimestamp`, unix ms), not in a header. */
function bodyTimestamp(message: SignedMessage): string | null {
  if (message.body.length > 1024 * 1024) return null;
  try {
    const value = (JSON.parse(message.body.toString('utf8')) as Record<string, unknown>)[TIMESTAMP_FIELD];
    return typeof value === 'number' || typeof value === 'string' ? String(value) : null;
  } catch {
    return null;
  }
}

/**
 * Linear (https://linear.app/developers/webhooks#securing-webhooks): `Linear-Signature` = hex
 * HMAC-SHA256(webhook secret, raw body). The body's `webhookTimestamp` (ms) is signed with it;
 * Linear's SDK rejects it when more than a minute from now either way. Absent, it is not checked.
 */
export const linearScheme = defineHmacScheme({
  id: 'linear',
  label: 'Linear (Linear-Signature)',
  category: 'Productivity',
  docsUrl: 'https://linear.app/developers/webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: { source: 'body', name: `body.${TIMESTAMP_FIELD}`, unit: 'ms', direction: 'both', required: false },
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: withAction(firstOf(headerValue('Linear-Event'), bodyField('type'))),
  deliveryIdHeader: 'Linear-Delivery',
  readTimestamp: bodyTimestamp,
});
