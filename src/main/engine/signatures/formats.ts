/**
 * Readers for the shapes signature headers come in. Each returns null when the header is absent
 * and sets `malformed` (with what to change) when its framing is wrong; the MAC text itself is
 * compared strictly later, so an encoding slip becomes a mismatch the diagnosis can explain.
 */
import { findHeaders } from './headers';
import type { ReceivedSignatures } from './hmac-scheme';
import type { SignedMessage } from './types';

const joinValues = (values: string[]) => values.join(', ');

/** One `<prefix><mac>` value, e.g. GitHub's `sha256=<hex>`, Slack's `v0=<hex>`, Shopify's bare base64. */
export function readPrefixed(message: SignedMessage, header: string, prefix: string, format: string): ReceivedSignatures | null {
  const values = findHeaders(message.headers, header);
  if (values.length === 0) return null;
  const signatures: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed.startsWith(prefix) && trimmed.length > prefix.length) signatures.push(trimmed.slice(prefix.length));
  }
  const result: ReceivedSignatures = { signatures, received: joinValues(values), rawValues: values };
  if (signatures.length === 0) {
    result.malformed = prefix
      ? `${header} must look like ${format}; got ${JSON.stringify(clip(values[0] ?? ''))} (the "${prefix}" prefix is missing).`
      : `${header} is empty; expected ${format}.`;
  }
  return result;
}

/** Standard Webhooks / Svix: space-separated `v1,<base64>` entries; other versions (v1a) are skipped. */
export function readVersionedList(message: SignedMessage, headers: string[], version: string, format: string): ReceivedSignatures | null {
  for (const header of headers) {
    const values = findHeaders(message.headers, header);
    if (values.length === 0) continue;
    const entries = values.flatMap((value) => value.split(' ')).filter((entry) => entry !== '');
    const signatures = entries
      .map((entry) => {
        const comma = entry.indexOf(',');
        return comma < 0 ? null : { version: entry.slice(0, comma), mac: entry.slice(comma + 1) };
      })
      .filter((entry): entry is { version: string; mac: string } => entry !== null && entry.version === version)
      .map((entry) => entry.mac);
    const result: ReceivedSignatures = { signatures, received: joinValues(values), rawValues: values };
    if (signatures.length === 0) {
      result.malformed = `${header} has no "${version},<signature>" entry; expected ${format} (space-separated, any one may match).`;
    }
    return result;
  }
  return null;
}

/**
 * Key=value lists: Stripe's `t=<ts>,v1=<hex>,v1=<hex>` and Paddle's `ts=<ts>;h1=<hex>`. Unknown keys
 * (Stripe's test-mode v0) are ignored, as the providers' SDKs do.
 */
export function readKeyedList(
  message: SignedMessage,
  header: string,
  options: { separator: string; timestampKey: string; signatureKey: string; format: string },
): ReceivedSignatures | null {
  const values = findHeaders(message.headers, header);
  if (values.length === 0) return null;
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const value of values) {
    for (const item of value.split(options.separator)) {
      const eq = item.indexOf('=');
      if (eq < 0) continue;
      const key = item.slice(0, eq).trim();
      const text = item.slice(eq + 1).trim();
      if (key === options.timestampKey) timestamp = text;
      else if (key === options.signatureKey) signatures.push(text);
    }
  }
  const result: ReceivedSignatures = { signatures, received: joinValues(values), rawValues: values, timestamp };
  if (timestamp === null || signatures.length === 0) {
    const lacking = timestamp === null ? `no ${options.timestampKey}= timestamp` : `no ${options.signatureKey}= signature`;
    result.malformed = `${header} has ${lacking}; expected ${options.format}.`;
  }
  return result;
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);
