import { createHmac } from 'node:crypto';

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
 * Compares two strings in constant time for equal lengths: every character is XORed into one
 * accumulator, with no early exit. It allocates nothing (no Buffer per side), as it runs for every
 * received request. Different lengths return false at once, which leaks only the length, as
 * every published verifier does.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
