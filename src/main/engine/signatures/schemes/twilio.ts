import { createHash } from 'node:crypto';
import { URL_PART, type ContentFields } from '../content';
import { findHeader } from '../headers';
import { defineHmacScheme } from '../hmac-scheme';
import type { SignedMessage } from '../types';

const HEADER = 'X-Twilio-Signature';

/**
 * The URL Twilio requested. Behind a tunnel the receiver sees its own origin, so the public one
 * is rebuilt from X-Forwarded-Proto/Host when present; a URL the user typed is used as is.
 */
export function publicUrl(message: SignedMessage): string | null {
  const raw = message.url;
  if (!raw) return null;
  if (message.exactUrl) return raw;
  const absolute = /^https?:\/\/[^/]+/i.exec(raw);
  const target = absolute ? raw.slice(absolute[0].length) || '/' : raw;
  let origin = absolute ? absolute[0] : `https://${findHeader(message.headers, 'host') ?? 'localhost'}`;
  const proto = findHeader(message.headers, 'x-forwarded-proto')?.split(',')[0]?.trim();
  const host = findHeader(message.headers, 'x-forwarded-host')?.split(',')[0]?.trim();
  if (proto || host) {
    const [scheme, current] = origin.split('://') as [string, string];
    origin = `${proto || scheme}://${host || current}`;
  }
  return origin + target;
}

function bodySha256Param(url: string): string | null {
  const query = url.indexOf('?');
  return query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('bodySHA256');
}

/** URL + every POST parameter as key+value, sorted by key (then value), per Twilio's docs. */
function content(fields: ContentFields): Buffer {
  const url = fields.url ?? '';
  if (bodySha256Param(url) !== null) return Buffer.from(url, 'utf8');
  const pairs = [...new URLSearchParams(fields.body.toString('utf8')).entries()];
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return Buffer.from(url + pairs.map(([key, value]) => key + value).join(''), 'utf8');
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/** Twilio's SDKs accept the URL with its default port added or removed; so does this. */
function portVariants(url: string): string[] {
  const match = /^(https?:)\/\/([^/:?#]+)(:\d+)?(.*)$/i.exec(url);
  if (!match) return [];
  const [, scheme = '', host, port, rest] = match;
  const fallback = DEFAULT_PORTS[scheme.toLowerCase()];
  if (port) return [`${scheme}//${host}${rest}`];
  return fallback ? [`${scheme}//${host}:${fallback}${rest}`] : [];
}

export const twilioScheme = defineHmacScheme({
  id: 'twilio',
  label: 'Twilio (X-Twilio-Signature)',
  category: 'Communication',
  docsUrl: 'https://www.twilio.com/docs/usage/security#validating-requests',
  algorithm: 'sha1',
  encoding: 'base64',
  signatureHeader: HEADER,
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA1>',
  timestamp: null,
  idHeader: null,
  template: [URL_PART],
  secretFormat: 'text',
  order: 'signature-first',
  readUrl: publicUrl,
  contentOf: content,
  alternativeContents: (fields) => portVariants(fields.url ?? '').map((url) => content({ ...fields, url })),
  extraCheck(fields) {
    const wanted = bodySha256Param(fields.url ?? '');
    if (wanted === null) return null;
    const actual = createHash('sha256').update(fields.body).digest('hex');
    return actual === wanted.toLowerCase()
      ? null
      : {
          code: 'body_hash_mismatch',
          message: `The URL's bodySHA256 is ${wanted} but the body hashes to ${actual}: the body was changed after Twilio sent it.`,
        };
  },
  contentVariants(fields) {
    const url = fields.url ?? '';
    const variants: Array<{ message: string; url: string }> = [];
    const swapped = url.startsWith('https:') ? `http:${url.slice(6)}` : url.startsWith('http:') ? `https:${url.slice(5)}` : null;
    if (swapped)
      variants.push({
        message: `Twilio signed ${swapped}: the protocol differs (a TLS-terminating tunnel or proxy). Verify against the URL configured in Twilio's console.`,
        url: swapped,
      });
    const [path = '', query] = url.split('?', 2) as [string, string | undefined];
    const slashToggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    variants.push({
      message: `Twilio signed ${slashToggled}${query ? `?${query}` : ''}: the trailing slash differs. Use the exact URL configured in Twilio.`,
      url: `${slashToggled}${query ? `?${query}` : ''}`,
    });
    if (query !== undefined) variants.push({ message: `Twilio signed the URL without its query string (${path}).`, url: path });
    return variants.map(({ message, url: variant }) => ({ message, content: content({ ...fields, url: variant }) }));
  },
});
