import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { readKeyedList } from '../formats';

const HEADER = 'Paddle-Signature';

/**
 * Paddle Billing (https://developer.paddle.com/webhooks/signature-verification):
 * `Paddle-Signature: ts=<unix seconds>;h1=<hex>` over `${ts}:${body}`, keyed with the endpoint's
 * secret key text. Several h1 entries appear during rotation. Paddle's SDK rejects only events
 * older than its allowance (5 s by default), so the tolerance applies to the past only.
 */
export const paddleScheme = defineHmacScheme({
  id: 'paddle',
  label: 'Paddle Billing (Paddle-Signature)',
  docsUrl: 'https://developer.paddle.com/webhooks/signature-verification',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: HEADER,
  signatureFormat: 'ts=<unix seconds>;h1=<hex>',
  signaturePrefix: 'h1=',
  multipleSignatures: true,
  timestamp: { source: 'signature_header', name: `${HEADER} ts=`, unit: 's', direction: 'past-only', required: true },
  idHeader: null,
  usesUrl: false,
  template: [TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  headerNames: [HEADER.toLowerCase()],
  hasSnippets: false,
  readSignatures: (message) =>
    readKeyedList(message, HEADER, { separator: ';', timestampKey: 'ts', signatureKey: 'h1', format: 'ts=<unix seconds>;h1=<hex>' }),
  signHeaders: ({ encoded, timestamp }) => ({ [HEADER]: `ts=${timestamp ?? ''};h1=${encoded}` }),
});
