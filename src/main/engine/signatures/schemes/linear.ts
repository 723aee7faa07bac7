import { BODY } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readPrefixed } from '../formats';
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
  docsUrl: 'https://linear.app/developers/webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signatureFormat: '<hex>',
  signaturePrefix: '',
  multipleSignatures: false,
  timestamp: { source: 'body', name: `body.${TIMESTAMP_FIELD}`, unit: 'ms', direction: 'both', required: false },
  idHeader: null,
  usesUrl: false,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [HEADER.toLowerCase()],
  hasSnippets: false,
  readSignatures: (message) => readPrefixed(message, HEADER, '', '<64 lowercase hex>'),
  readTimestamp: bodyTimestamp,
  signHeaders: ({ encoded }) => ({ [HEADER]: encoded }),
});
