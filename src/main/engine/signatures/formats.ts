/**
 * Readers for the shapes signature headers come in. Each returns null when the header is absent
 * and sets `malformed` (with what to change) when its framing is wrong; the MAC text itself is
 * compared strictly later, so an encoding slip becomes a mismatch the diagnosis can explain.
 */
import { fieldValue, findRawHeaders } from './headers';
import type { ReceivedSignatures } from './hmac-scheme';
import type { SignedMessage } from './types';

const joinValues = (values: string[]) => values.join(', ');

/**
 * The header's values as they arrived (shown as received) and trimmed (what is parsed): a value
 * with spaces around it verifies exactly as the bare value, RFC 9110 5.5.
 */
function headerValues(message: SignedMessage, header: string): { raw: string[]; values: string[] } {
  const raw = findRawHeaders(message.headers, header);
  return { raw, values: raw.map(fieldValue) };
}

/** How a signature header is laid out: what a definition declares, and what readers and signers follow. */
export type SignatureLayout =
  /** One `<prefix><mac>` value: GitHub's `sha256=<hex>`, Slack's `v0=<hex>`, Shopify's bare base64. */
  | { kind: 'plain'; prefix: string }
  /** Space-separated `<version>,<mac>` entries, any of which may match (Standard Webhooks). */
  | { kind: 'versioned-list'; version: string }
  /** `key=value` items: Stripe's `t=<ts>,v1=<hex>`, Paddle's `ts=<ts>;h1=<hex>`. */
  | { kind: 'keyed'; separator: string; timestampKey: string; signatureKey: string };

/** What precedes the MAC inside one signature entry, for messages and the diagnosis. */
export function layoutPrefix(layout: SignatureLayout): string {
  if (layout.kind === 'plain') return layout.prefix;
  if (layout.kind === 'versioned-list') return `${layout.version},`;
  return `${layout.signatureKey}=`;
}

/** The header value a sender writes for one MAC. */
export function layoutValue(layout: SignatureLayout, encoded: string, timestamp: string | null): string {
  if (layout.kind === 'keyed') return `${layout.timestampKey}=${timestamp ?? ''}${layout.separator}${layout.signatureKey}=${encoded}`;
  return layoutPrefix(layout) + encoded;
}

/** Reads the signature header(s) of `headers` (the first present) as the layout says. */
export function readLayout(message: SignedMessage, headers: string[], layout: SignatureLayout, format: string): ReceivedSignatures | null {
  if (layout.kind === 'versioned-list') return readVersionedList(message, headers, layout.version, format);
  const present = headers.find((header) => findRawHeaders(message.headers, header).length > 0) ?? headers[0] ?? '';
  if (layout.kind === 'plain') return readPrefixed(message, present, layout.prefix, format);
  return readKeyedList(message, present, { ...layout, format });
}

/** One `<prefix><mac>` value, e.g. GitHub's `sha256=<hex>`, Slack's `v0=<hex>`, Shopify's bare base64. */
export function readPrefixed(message: SignedMessage, header: string, prefix: string, format: string): ReceivedSignatures | null {
  const { raw, values } = headerValues(message, header);
  if (values.length === 0) return null;
  const signatures: string[] = [];
  for (const value of values) {
    if (value.startsWith(prefix) && value.length > prefix.length) signatures.push(value.slice(prefix.length));
  }
  const result: ReceivedSignatures = { signatures, received: joinValues(raw), rawValues: raw };
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
    const { raw, values } = headerValues(message, header);
    if (values.length === 0) continue;
    const entries = values.flatMap((value) => value.split(' ')).filter((entry) => entry !== '');
    const signatures = entries
      .map((entry) => {
        const comma = entry.indexOf(',');
        return comma < 0 ? null : { version: entry.slice(0, comma), mac: entry.slice(comma + 1) };
      })
      .filter((entry): entry is { version: string; mac: string } => entry !== null && entry.version === version)
      .map((entry) => entry.mac);
    const result: ReceivedSignatures = { signatures, received: joinValues(raw), rawValues: raw };
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
  const { raw, values } = headerValues(message, header);
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
  const result: ReceivedSignatures = { signatures, received: joinValues(raw), rawValues: raw, timestamp };
  if (timestamp === null || signatures.length === 0) {
    const lacking = timestamp === null ? `no ${options.timestampKey}= timestamp` : `no ${options.signatureKey}= signature`;
    result.malformed = `${header} has ${lacking}; expected ${options.format}.`;
  }
  return result;
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);
