import { BODY } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import { readPrefixed } from '../formats';
import type { SignatureScheme } from '../types';

const HEADER_256 = 'X-Hub-Signature-256';
const HEADER_SHA1 = 'X-Hub-Signature';
const DOCS = 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries';

const common = {
  docsUrl: DOCS,
  encoding: 'hex' as const,
  multipleSignatures: false,
  timestamp: null,
  idHeader: null,
  usesUrl: false,
  template: [BODY],
  secretFormat: 'text' as const,
  order: 'signature-first' as const,
  headerNames: [HEADER_256.toLowerCase(), HEADER_SHA1.toLowerCase()],
  hasSnippets: true,
};

const sha256 = defineHmacScheme({
  ...common,
  id: 'github',
  label: 'GitHub (X-Hub-Signature-256)',
  algorithm: 'sha256',
  signatureHeader: HEADER_256,
  signatureFormat: 'sha256=<hex>',
  signaturePrefix: 'sha256=',
  readSignatures: (message) => readPrefixed(message, HEADER_256, 'sha256=', 'sha256=<64 lowercase hex>'),
  signHeaders: ({ encoded }) => ({ [HEADER_256]: `sha256=${encoded}` }),
});

const sha1 = defineHmacScheme({
  ...common,
  id: 'github',
  label: 'GitHub (legacy X-Hub-Signature)',
  algorithm: 'sha1',
  signatureHeader: HEADER_SHA1,
  signatureFormat: 'sha1=<hex>',
  signaturePrefix: 'sha1=',
  readSignatures: (message) => readPrefixed(message, HEADER_SHA1, 'sha1=', 'sha1=<40 lowercase hex>'),
  signHeaders: ({ encoded }) => ({ [HEADER_SHA1]: `sha1=${encoded}` }),
});

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(secret, raw body); no timestamp, so
 * no tolerance (replays are detected by X-GitHub-Delivery, not by the signature). Deliveries
 * also carry the legacy `X-Hub-Signature: sha1=<hex>`; it is checked only when the SHA-256
 * header is absent, as GitHub recommends the SHA-256 one.
 */
export const githubScheme: SignatureScheme = {
  id: 'github',
  label: 'GitHub (X-Hub-Signature-256)',
  headerNames: common.headerNames,
  descriptor: sha256.descriptor,
  verify(message, options) {
    const useLegacy = findHeader(message.headers, HEADER_256) === null && findHeader(message.headers, HEADER_SHA1) !== null;
    return (useLegacy ? sha1 : sha256).verify(message, options);
  },
  sign(options) {
    const modern = sha256.sign(options);
    return { headers: { ...modern.headers, ...sha1.sign(options).headers }, signedContent: modern.signedContent };
  },
};
