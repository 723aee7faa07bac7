import { BODY, ID, literal, TIMESTAMP } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import { bodyField, type EventTypeSource } from '../event-sources';
import { readLayout } from '../formats';
import type { SignatureScheme, SignedMessage } from '../types';
import type { SchemeCategory, SchemeId } from '../../../../shared/scheme-ids';

const WHSEC = 'whsec_';

/** `whsec_` + base64 of the key bytes; the prefix is optional, as in the reference libraries. */
export function decodeWhsecSecret(secret: string): Buffer {
  return Buffer.from(secret.startsWith(WHSEC) ? secret.slice(WHSEC.length) : secret, 'base64');
}

/**
 * Standard Webhooks (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md)
 * and Svix, its origin: HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the base64-decoded
 * secret; the signature header holds space-separated `v1,<base64>` entries, any one of which
 * may match (rotation). The reference libraries reject a timestamp more than 5 minutes old or
 * new before computing the signature, hence `timestamp-first`.
 */
export function defineStandardScheme<const Id extends SchemeId>(options: {
  id: Id;
  label: string;
  prefixes: string[];
  docsUrl: string;
  /** Providers that sign this way under their own name sit in their own category. */
  category?: SchemeCategory;
  eventType?: EventTypeSource;
}): SignatureScheme<Id> {
  const names = (suffix: string) => options.prefixes.map((prefix) => `${prefix}-${suffix}`);
  const first = (message: SignedMessage, headers: string[]) => {
    for (const header of headers) {
      const value = findHeader(message.headers, header);
      if (value !== null) return value;
    }
    return null;
  };
  const [signatureHeader, timestampHeader, idHeader] = [names('signature'), names('timestamp'), names('id')].map((list) => list[0] as string) as [string, string, string];
  return defineHmacScheme({
    id: options.id,
    label: options.label,
    category: options.category ?? 'Standards',
    docsUrl: options.docsUrl,
    algorithm: 'sha256',
    encoding: 'base64',
    signatureHeader,
    signature: { kind: 'versioned-list', version: 'v1' },
    signatureFormat: 'v1,<base64> [v1,<base64> ...]',
    timestamp: { source: 'header', name: timestampHeader, unit: 's', direction: 'both', required: true },
    idHeader,
    template: [ID, literal('.'), TIMESTAMP, literal('.'), BODY],
    secretFormat: 'whsec_base64',
    keyOf: decodeWhsecSecret,
    order: 'timestamp-first',
    headerNames: [...names('id'), ...names('timestamp'), ...names('signature')],
    eventType: options.eventType ?? bodyField('type'),
    deliveryIdHeader: idHeader,
    readSignatures: (message) => readLayout(message, names('signature'), { kind: 'versioned-list', version: 'v1' }, 'v1,<base64>'),
    readTimestamp: (message) => first(message, names('timestamp')),
    readId: (message) => first(message, names('id')),
  });
}

export const standardWebhooksScheme = defineStandardScheme({
  id: 'standard-webhooks',
  label: 'Standard Webhooks (webhook-signature)',
  prefixes: ['webhook'],
  docsUrl: 'https://www.standardwebhooks.com/',
});

/** Svix's libraries read svix-* headers and fall back to the unbranded webhook-* ones. */
export const svixScheme = defineStandardScheme({
  id: 'svix',
  label: 'Svix (svix-signature)',
  prefixes: ['svix', 'webhook'],
  docsUrl: 'https://docs.svix.com/receiving/verifying-payloads/how-manual',
});
