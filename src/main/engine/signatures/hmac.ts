import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
/** The hashes the diagnosis also tries (wrong_algorithm); schemes only use HmacAlgorithm. */
export type AnyHmacAlgorithm = HmacAlgorithm | 'sha384' | 'md5';
export type SignatureEncoding = 'hex' | 'base64';

export function hmac(algorithm: AnyHmacAlgorithm, key: string | Buffer, content: Buffer): Buffer {
  return createHmac(algorithm, key).update(content).digest();
}

export function encodeMac(mac: Buffer, encoding: SignatureEncoding): string {
  return mac.toString(encoding);
}

/**
 * Compares two strings in constant time for equal lengths. Different lengths return false at
 * once, which leaks only the length, as every published verifier does.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
