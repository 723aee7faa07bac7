import { BODY, ID, literal, TIMESTAMP } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import { bodyField, type EventTypeSource } from '../event-sources';
import { readLayout } from '../formats';
import type { SchemeCheck, SignatureScheme, SignedMessage } from '../types';
import { defineKeyPairScheme } from '../keypair-scheme';
import { ed25519WebhookKeys } from '../key-formats';
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
  /** `base64` for a provider whose secret is plain base64 without the `whsec_` prefix (Brex). */
  secretFormat?: 'whsec_base64' | 'base64';
}): SignatureScheme<Id> {
  const names = (suffix: string) => options.prefixes.map((prefix) => `${prefix}-${suffix}`);
  const first = (message: SignedMessage, headers: string[]) => {
    for (const header of headers) {
      const value = findHeader(message.headers, header);
      if (value !== null) return value;
    }
    return null;
  };
  const [signatureHeader, timestampHeader, idHeader] = [names('signature'), names('timestamp'), names('id')].map(
    (list) => list[0] as string,
  ) as [string, string, string];
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
    secretFormat: options.secretFormat ?? 'whsec_base64',
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

const standardHmacScheme = defineStandardScheme({
  id: 'standard-webhooks',
  label: 'Standard Webhooks (webhook-signature)',
  prefixes: ['webhook'],
  docsUrl: 'https://www.standardwebhooks.com/',
});

/**
 * The spec's asymmetric signatures (same document, "Signature scheme" and "Secret serialization"):
 * `v1a,<base64 Ed25519 signature>` entries over the same `${id}.${timestamp}.${body}`, verified
 * with `whpk_` + base64 of the public key, signed with `whsk_` + base64 of the secret key. The
 * spec says "standard ed25519 key pair" without fixing the secret key's length, and publishes no
 * v1a vector: the 64-byte libsodium form (seed + public key) is written, the 32-byte seed read too.
 */
const standardKeyPairScheme = defineKeyPairScheme({
  id: 'standard-webhooks',
  label: 'Standard Webhooks (webhook-signature)',
  category: 'Standards',
  docsUrl: 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme',
  keys: ed25519WebhookKeys,
  signatureHeader: 'webhook-signature',
  signature: { kind: 'versioned-list', version: 'v1a' },
  encoding: 'base64',
  signatureFormat: 'v1a,<base64> [v1a,<base64> ...]',
  timestamp: { source: 'header', name: 'webhook-timestamp', unit: 's', direction: 'both', required: true },
  idHeader: 'webhook-id',
  template: [ID, literal('.'), TIMESTAMP, literal('.'), BODY],
  order: 'timestamp-first',
});

/** Whether a Standard Webhooks key field holds a key of the v1a pair (whpk_ or whsk_) rather than a whsec_ secret. */
export const usesKeyPair = (secret: string): boolean => /^\s*wh(pk|sk)_/.test(secret);

/** Adds, to a check that found no entry of its kind, where the entries of the other kind are. */
function otherKindHint(check: SchemeCheck, message: SignedMessage, keyPair: boolean): SchemeCheck {
  if (check.reason !== 'malformed_header') return check;
  const entries = (findHeader(message.headers, 'webhook-signature') ?? '').split(' ');
  const hint = keyPair
    ? entries.some((entry) => entry.startsWith('v1,')) &&
      'The header carries only v1 (HMAC-SHA256) signatures: verify them with the whsec_ secret, not a whpk_ public key.'
    : entries.some((entry) => entry.startsWith('v1a,')) &&
      "The header carries only v1a (Ed25519) signatures: verify them with the sender's whpk_ public key instead of a whsec_ secret.";
  return hint ? { ...check, diagnosis: [...check.diagnosis, { code: 'malformed_header', message: hint }] } : check;
}

/**
 * Standard Webhooks: HMAC v1 with a `whsec_` secret, Ed25519 v1a with a `whpk_` (verify) or
 * `whsk_` (sign) key; the key's prefix says which, as the spec intends ("allows implementations
 * to correctly use the correct scheme without additional configuration").
 */
export const standardWebhooksScheme: SignatureScheme<'standard-webhooks'> = {
  ...standardHmacScheme,
  descriptor: {
    ...standardHmacScheme.descriptor,
    signature_format: 'v1,<base64> (HMAC, whsec_ secret) or v1a,<base64> (Ed25519, whpk_ public key); space-separated, any one may match',
    key_pair: standardKeyPairScheme.descriptor.key_pair,
  },
  keyPair: ed25519WebhookKeys,
  verify: (message, options) =>
    usesKeyPair(options.secret)
      ? otherKindHint(standardKeyPairScheme.verify(message, options), message, true)
      : otherKindHint(standardHmacScheme.verify(message, options), message, false),
  sign: (options) => (usesKeyPair(options.secret) ? standardKeyPairScheme.sign(options) : standardHmacScheme.sign(options)),
};

/** Svix's libraries read svix-* headers and fall back to the unbranded webhook-* ones. */
export const svixScheme = defineStandardScheme({
  id: 'svix',
  label: 'Svix (svix-signature)',
  prefixes: ['svix', 'webhook'],
  docsUrl: 'https://docs.svix.com/receiving/verifying-payloads/how-manual',
});
