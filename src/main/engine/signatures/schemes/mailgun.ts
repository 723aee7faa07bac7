import { randomBytes } from 'node:crypto';
import { eventText } from '../../receiver/capture-metadata';
import { ID, TIMESTAMP } from '../content';
import type { EventTypeSource } from '../event-sources';
import { defineHmacScheme, type ReceivedSignatures } from '../hmac-scheme';
import { encodeMac, hmac } from '../hmac';
import type { SignatureScheme, SignedMessage } from '../types';

const FIELD = 'body.signature.signature';
/** Bodies are read for their signature up to this size (a Mailgun event is a few kB). */
const PARSE_LIMIT = 1024 * 1024;

interface BodySignature {
  timestamp: string | null;
  token: string | null;
  signature: string | null;
  /** JSON webhooks nest the three in `signature`; legacy ones post them as form fields. */
  form: boolean;
  /** The event named by the body: `event-data.event` (JSON) or `event` (form). */
  event: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/** The signature fields of a Mailgun body, or null when it carries none. */
function parseBody(body: Buffer): BodySignature | null {
  if (body.length === 0 || body.length > PARSE_LIMIT) return null;
  const raw = body.toString('utf8');
  if (raw.trimStart().startsWith('{')) {
    try {
      const json = JSON.parse(raw) as Record<string, unknown>;
      const signature = json.signature;
      if (signature === null || typeof signature !== 'object') return null;
      const fields = signature as Record<string, unknown>;
      const data = json['event-data'];
      const event = data !== null && typeof data === 'object' ? eventText((data as Record<string, unknown>).event) : null;
      return { timestamp: text(fields.timestamp), token: text(fields.token), signature: text(fields.signature), form: false, event };
    } catch {
      return null;
    }
  }
  const params = new URLSearchParams(raw);
  if (!params.has('signature')) return null;
  return {
    timestamp: params.get('timestamp'),
    token: params.get('token'),
    signature: params.get('signature'),
    form: true,
    event: eventText(params.get('event')),
  };
}

/** One parse per body: the signature, the timestamp and the token are all read from it. */
const parsed = new WeakMap<Buffer, BodySignature | null>();
function bodySignature(body: Buffer): BodySignature | null {
  if (!parsed.has(body)) parsed.set(body, parseBody(body));
  return parsed.get(body) ?? null;
}

function readSignatures(message: SignedMessage): ReceivedSignatures | null {
  const found = bodySignature(message.body);
  if (found === null || found.signature === null) return null;
  const result: ReceivedSignatures = { signatures: [found.signature], received: found.signature, rawValues: [found.signature] };
  const where = found.form ? 'form fields' : 'JSON "signature" object';
  const lacking = [found.timestamp === null ? 'timestamp' : null, found.token === null ? 'token' : null].filter(Boolean);
  if (lacking.length > 0) result.malformed = `The body's ${where} has no ${lacking.join(' and ')}; Mailgun signs timestamp + token.`;
  return result;
}

const eventType: EventTypeSource = (_headers, body) => bodySignature(body)?.event ?? null;

/** The body with the signature in it: nested in a JSON object, else appended as form fields. */
function withSignature(body: Buffer, fields: { timestamp: string; token: string; signature: string }): Buffer {
  const raw = body.toString('utf8');
  try {
    const json: unknown = JSON.parse(raw);
    if (json !== null && typeof json === 'object' && !Array.isArray(json))
      return Buffer.from(JSON.stringify({ ...json, signature: fields }));
  } catch {
    // Not JSON: the legacy form encoding.
  }
  const params = new URLSearchParams(raw);
  for (const [key, value] of Object.entries(fields)) params.set(key, value);
  return Buffer.from(params.toString());
}

const base = defineHmacScheme({
  id: 'mailgun',
  label: 'Mailgun (signature in the body)',
  category: 'Communication',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: FIELD,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<hex>, beside signature.timestamp and signature.token',
  timestamp: { source: 'body', name: 'body.signature.timestamp', unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [TIMESTAMP, ID],
  secretFormat: 'text',
  order: 'signature-first',
  eventType,
  headerNames: [],
  readSignatures,
  readTimestamp: (message) => bodySignature(message.body)?.timestamp ?? null,
  readId: (message) => bodySignature(message.body)?.token ?? null,
  // Nothing goes in a header: sign() below puts the signature in the body.
  signHeaders: () => ({}),
});

/**
 * Mailgun (https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks):
 * the signature travels in the body: JSON webhooks carry `"signature": {"timestamp", "token",
 * "signature"}`, legacy ones the same three as form fields (url-encoded; multipart bodies are not
 * read). `signature` = hex HMAC-SHA256(the HTTP webhook signing key, timestamp + token), no
 * separator; the timestamp is unix seconds and the docs ask to check it is not far from now
 * (and to cache tokens against replays). The event is `event-data.event` (JSON) or `event` (form).
 */
export const mailgunScheme: SignatureScheme<'mailgun'> = {
  ...base,
  sign({ secret, body, timestampSeconds, id }) {
    const timestamp = String(timestampSeconds);
    const token = id ?? randomBytes(25).toString('hex');
    const signedContent = Buffer.from(timestamp + token, 'utf8');
    const signature = encodeMac(hmac('sha256', Buffer.from(secret, 'utf8'), signedContent), 'hex');
    return { headers: {}, signedContent, body: withSignature(body, { timestamp, token, signature }) };
  },
};
