import type { SchemeCheck, SignatureScheme } from './types';
import { findHeader } from './headers';
import { constantTimeEqual, hmac } from './hmac';
import { checkTimestampWindow, parseUnixSeconds } from './timestamp';

const SIGNATURE_HEADER = 'X-DcisionAI-Signature';
const TIMESTAMP_HEADER = 'X-DcisionAI-Timestamp';

/** `${timestamp}.` followed by the raw body bytes, never a re-serialization of the JSON. */
function signedContent(timestamp: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/**
 * DcisionAI: X-DcisionAI-Signature = lowercase hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`),
 * X-DcisionAI-Timestamp in unix seconds. Checks run in the order the guide's handlers answer:
 * the signature first ("Invalid signature"), then the timestamp ("Invalid timestamp").
 */
export const dcisionaiScheme: SignatureScheme = {
  id: 'dcisionai',
  label: 'DcisionAI (X-DcisionAI-Signature)',
  headerNames: [SIGNATURE_HEADER.toLowerCase(), TIMESTAMP_HEADER.toLowerCase()],

  verify(message, { secret, toleranceSeconds, nowSeconds }): SchemeCheck {
    const received = findHeader(message.headers, SIGNATURE_HEADER);
    const rawTimestamp = findHeader(message.headers, TIMESTAMP_HEADER);
    const base = { received, expected: null, timestamp: null, signedContent: null, diagnosis: [] };
    if (received === null || rawTimestamp === null) {
      const missing = [received === null ? SIGNATURE_HEADER : null, rawTimestamp === null ? TIMESTAMP_HEADER : null]
        .filter(Boolean)
        .join(' and ');
      return {
        ...base,
        reason: 'missing_header',
        diagnosis: [{ code: 'missing_header', message: `The request has no ${missing} header; the sender did not sign it, or a proxy dropped the header.` }],
      };
    }
    const timestamp = parseUnixSeconds(rawTimestamp.trim());
    const content = signedContent(rawTimestamp, message.body);
    const expected = hmac('sha256', secret, content).toString('hex');
    const checked = { ...base, expected, timestamp, signedContent: content };
    if (!/^[0-9a-fA-F]{64}$/.test(received.trim())) {
      return {
        ...checked,
        reason: 'malformed_header',
        diagnosis: [{ code: 'malformed_header', message: `${SIGNATURE_HEADER} must be 64 lowercase hex characters (HMAC-SHA256); got ${received.length} characters.` }],
      };
    }
    if (timestamp === null || rawTimestamp !== rawTimestamp.trim()) {
      return {
        ...checked,
        reason: 'timestamp_malformed',
        diagnosis: [{ code: 'timestamp_malformed', message: `${TIMESTAMP_HEADER} must be an integer count of unix seconds; got ${JSON.stringify(rawTimestamp)}.` }],
      };
    }
    if (!constantTimeEqual(received, expected)) {
      return {
        ...checked,
        reason: 'signature_mismatch',
        diagnosis: [{ code: 'signature_mismatch', message: 'The signature does not match HMAC-SHA256 of `<timestamp>.<raw body>` with this secret: most likely a different secret, or the body was changed after signing.' }],
      };
    }
    const window = checkTimestampWindow(timestamp, nowSeconds, toleranceSeconds);
    if (window !== 'ok') {
      const age = nowSeconds - timestamp;
      const message = window === 'timestamp_expired'
        ? `The timestamp is ${age} s old, beyond the ${toleranceSeconds} s tolerance: a replay, a queued retry, or a sender clock running behind.`
        : `The timestamp is ${-age} s in the future, beyond the ${toleranceSeconds} s tolerance: the sender's clock runs ahead.`;
      return { ...checked, reason: window, diagnosis: [{ code: window, message }] };
    }
    return { ...checked, reason: 'ok' };
  },

  sign({ secret, body, timestampSeconds }) {
    const timestamp = String(timestampSeconds);
    const content = signedContent(timestamp, body);
    return {
      headers: {
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: hmac('sha256', secret, content).toString('hex'),
      },
      signedContent: content,
    };
  },
};
