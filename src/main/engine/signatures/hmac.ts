import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

export function hmac(algorithm: HmacAlgorithm, key: string | Buffer, content: Buffer): Buffer {
  return createHmac(algorithm, key).update(content).digest();
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
