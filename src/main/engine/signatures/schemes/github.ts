import { BODY } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import { headerValue, withAction } from '../event-sources';
import type { SignatureScheme } from '../types';

const HEADER_256 = 'X-Hub-Signature-256';
const HEADER_SHA1 = 'X-Hub-Signature';
const DOCS = 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries';

const common = {
  id: 'github',
  category: 'Developer tools',
  docsUrl: DOCS,
  encoding: 'hex',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [HEADER_256.toLowerCase(), HEADER_SHA1.toLowerCase()],
  eventType: withAction(headerValue('X-GitHub-Event')),
  deliveryIdHeader: 'X-GitHub-Delivery',
} as const;

const sha256 = defineHmacScheme({
  ...common,
  headerNames: [...common.headerNames],
  template: [...common.template],
  label: 'GitHub (X-Hub-Signature-256)',
  algorithm: 'sha256',
  signatureHeader: HEADER_256,
  signature: { kind: 'plain', prefix: 'sha256=' },
  signatureFormat: 'sha256=<64 lowercase hex>',
});

const sha1 = defineHmacScheme({
  ...common,
  headerNames: [...common.headerNames],
  template: [...common.template],
  label: 'GitHub (legacy X-Hub-Signature)',
  algorithm: 'sha1',
  signatureHeader: HEADER_SHA1,
  signature: { kind: 'plain', prefix: 'sha1=' },
  signatureFormat: 'sha1=<40 lowercase hex>',
  snippets: false,
});

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(secret, raw body); no timestamp, so
 * no tolerance (replays are detected by X-GitHub-Delivery, not by the signature). Deliveries
 * also carry the legacy `X-Hub-Signature: sha1=<hex>`; it is checked only when the SHA-256
 * header is absent, as GitHub recommends the SHA-256 one.
 */
export const githubScheme: SignatureScheme<'github'> = {
  ...sha256,
  verify(message, options) {
    const useLegacy = findHeader(message.headers, HEADER_256) === null && findHeader(message.headers, HEADER_SHA1) !== null;
    return (useLegacy ? sha1 : sha256).verify(message, options);
  },
  sign(options) {
    const modern = sha256.sign(options);
    return { headers: { ...modern.headers, ...sha1.sign(options).headers }, signedContent: modern.signedContent };
  },
};
