import { getScheme } from '../../../src/main/engine/signatures/registry';
import type { SignatureScheme } from '../../../src/main/engine/signatures/types';
import { verifyMessage, type VerificationSettings } from '../../../src/main/engine/signatures/verify';
import type { Verification } from '../../../src/shared/api';
import type { HeaderPair } from '../../../src/shared/http-headers';

export const pairs = (headers: Record<string, string>): HeaderPair[] => Object.entries(headers);

export function scheme(id: string): SignatureScheme {
  const found = getScheme(id);
  if (!found) throw new Error(`no scheme ${id}`);
  return found;
}

export function verify(
  schemeId: string,
  headers: Record<string, string> | HeaderPair[],
  body: string | Buffer,
  settings: Partial<VerificationSettings> & { secret: string },
  url?: string,
): Verification {
  return verifyMessage(
    { headers: Array.isArray(headers) ? headers : pairs(headers), body: typeof body === 'string' ? Buffer.from(body) : body, url },
    { scheme: schemeId, toleranceSeconds: 300, ...settings },
  );
}

export const codes = (verification: Verification) => verification.diagnosis.map((item) => item.code);

const generatedPairs = new Map<string, { public_key: string; private_key: string }>();

/**
 * [signing secret, verifying secret]: the shared secret itself, or for a key-pair scheme a
 * generated pair (one per scheme and run), its private key signing and its public key verifying.
 */
export function keysFor(target: SignatureScheme, secret: string): [string, string] {
  if (target.descriptor.key_kind !== 'key_pair' || !target.keyPair) return [secret, secret];
  let pair = generatedPairs.get(target.id);
  if (!pair) generatedPairs.set(target.id, (pair = target.keyPair.generate()));
  return [pair.private_key, pair.public_key];
}
