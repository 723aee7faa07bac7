/**
 * Lenient reading of the received signature(s): every token of the header, with or without a
 * `key=` prefix, decoded as hex, base64 and base64url. The diagnosis asks "does this candidate
 * MAC appear anywhere in what was received?", so an explanation about the body or the secret
 * is still found when the sender also slipped on the encoding.
 */

export interface ReceivedToken {
  /** The token text as it appeared (e.g. `sha256=ABC...`). */
  raw: string;
  /** The `key=` prefix that was stripped, '' when none. */
  strippedPrefix: string;
  text: string;
  encoding: 'hex' | 'base64' | 'base64url';
}

export interface ReceivedMacs {
  has(mac: Buffer): boolean;
  find(mac: Buffer): ReceivedToken | undefined;
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const KEY_PREFIX = /^([A-Za-z][A-Za-z0-9_-]{0,15}[=:])(.+)$/;

export function readReceivedMacs(rawValues: readonly string[]): ReceivedMacs {
  const found = new Map<string, ReceivedToken>();
  const add = (bytes: Buffer, token: ReceivedToken) => {
    if (bytes.length >= 16 && !found.has(bytes.toString('hex'))) found.set(bytes.toString('hex'), token);
  };
  for (const value of rawValues) {
    const tokens = new Set([value.trim(), ...value.split(/[\s,;"']+/)]);
    for (const raw of tokens) {
      if (raw === '') continue;
      const prefixed = KEY_PREFIX.exec(raw);
      const candidates: Array<[string, string]> = [['', raw]];
      if (prefixed) candidates.push([prefixed[1] ?? '', prefixed[2] ?? '']);
      for (const [strippedPrefix, text] of candidates) {
        if (HEX.test(text) && text.length % 2 === 0) add(Buffer.from(text, 'hex'), { raw, strippedPrefix, text, encoding: 'hex' });
        if (BASE64.test(text)) add(Buffer.from(text, 'base64'), { raw, strippedPrefix, text, encoding: 'base64' });
        if (BASE64URL.test(text) && /[-_]/.test(text))
          add(Buffer.from(text, 'base64url'), { raw, strippedPrefix, text, encoding: 'base64url' });
      }
    }
  }
  return {
    has: (mac) => found.has(mac.toString('hex')),
    find: (mac) => found.get(mac.toString('hex')),
  };
}
