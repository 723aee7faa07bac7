import { BODY, ID, literal, TIMESTAMP } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import { readVersionedList } from '../formats';
import type { SignatureScheme, SignedMessage } from '../types';

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
function defineStandardScheme(options: { id: string; label: string; prefixes: string[]; docsUrl: string }): SignatureScheme {
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
    docsUrl: options.docsUrl,
    algorithm: 'sha256',
    encoding: 'base64',
    signatureHeader,
    signatureFormat: 'v1,<base64> [v1,<base64> ...]',
    signaturePrefix: 'v1,',
    multipleSignatures: true,
    timestamp: { source: 'header', name: timestampHeader, unit: 's', direction: 'both', required: true },
    idHeader,
    usesUrl: false,
    template: [ID, literal('.'), TIMESTAMP, literal('.'), BODY],
    secretFormat: 'whsec_base64',
    keyOf: decodeWhsecSecret,
    order: 'timestamp-first',
    headerNames: [...names('id'), ...names('timestamp'), ...names('signature')],
    hasSnippets: true,
    readSignatures: (message) => readVersionedList(message, names('signature'), 'v1', 'v1,<base64>'),
    readTimestamp: (message) => first(message, names('timestamp')),
    readId: (message) => first(message, names('id')),
    signHeaders: ({ encoded, timestamp, id }) => ({
      [idHeader]: id ?? '',
      [timestampHeader]: timestamp ?? '',
      [signatureHeader]: `v1,${encoded}`,
    }),
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
