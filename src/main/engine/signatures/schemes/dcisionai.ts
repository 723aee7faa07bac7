import { BODY, literal, TIMESTAMP } from '../content';
import { fieldValue, findRawHeaders } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';

const SIGNATURE_HEADER = 'X-DcisionAI-Signature';
const TIMESTAMP_HEADER = 'X-DcisionAI-Timestamp';

/**
 * DcisionAI (the seed guide, the app's default): X-DcisionAI-Signature = lowercase hex
 * HMAC-SHA256(secret, `${timestamp}.${rawBody}`), X-DcisionAI-Timestamp in unix seconds, 5 minutes
 * of tolerance both ways (`Math.abs(now - timestamp) <= 300`). The guide's handlers answer
 * "Invalid signature" before "Invalid timestamp", so the signature is checked first.
 */
export const dcisionaiScheme = defineHmacScheme({
  id: 'dcisionai',
  label: 'DcisionAI (X-DcisionAI-Signature)',
  category: 'Standards',
  docsUrl: 'webhook-guide.md#webhook-security',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [TIMESTAMP, literal('.'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  // The platform simulator (and senders following the guide) name each delivery.
  deliveryIdHeader: 'X-DcisionAI-Delivery',
  readSignatures(message) {
    const values = findRawHeaders(message.headers, SIGNATURE_HEADER);
    const raw = values[0];
    if (raw === undefined) return null;
    // Compared trimmed (RFC 9110 5.5), shown as it arrived.
    const value = fieldValue(raw);
    const result = { signatures: [value], received: raw, rawValues: values };
    return /^[0-9a-fA-F]{64}$/.test(value)
      ? result
      : { ...result, malformed: `${SIGNATURE_HEADER} must be 64 lowercase hex characters (HMAC-SHA256); got ${value.length} characters.` };
  },
});
