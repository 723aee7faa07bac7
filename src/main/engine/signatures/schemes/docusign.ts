import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';
import { headerNamesMatching, readHeaderFamily } from './header-family';

const FIRST = 'X-DocuSign-Signature-1';
const FAMILY = /^x-docusign-signature-\d+$/;

/**
 * DocuSign Connect HMAC (https://developers.docusign.com/platform/webhooks/connect/validate/):
 * base64 HMAC-SHA256 of the whole body ("including line endings"), keyed with the HMAC key's
 * UTF-8 text as shown in the Connect settings (their C# sample: `Encoding.UTF8.GetBytes(secret)`;
 * the key is not base64-decoded although it looks like base64). Connect sends one header per active
 * key, X-DocuSign-Signature-1 up to -100 (https://developers.docusign.com/platform/webhooks/connect/hmac/);
 * any may match the one key configured here. No timestamp is signed. The JSON body names the event
 * (`"event": "envelope-completed"`). No vector is published; the tests compute one with node:crypto.
 */
export const docusignScheme = defineHmacScheme({
  id: 'docusign',
  label: 'DocuSign Connect (X-DocuSign-Signature-1)',
  category: 'Productivity',
  docsUrl: 'https://developers.docusign.com/platform/webhooks/connect/validate/',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: FIRST,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA256> (one X-DocuSign-Signature-N header per key)',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event'),
  readSignatures: (message) =>
    readHeaderFamily(
      message,
      headerNamesMatching(message, (name) => FAMILY.test(name)),
      '',
      '<base64 HMAC-SHA256>',
    ),
  // A snippet reading X-DocuSign-Signature-1 alone would reject deliveries signed with a second key.
  snippets: false,
});
