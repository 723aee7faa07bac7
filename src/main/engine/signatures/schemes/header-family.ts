/**
 * Providers that send one signature header per active secret (DocuSign's X-DocuSign-Signature-1..N,
 * Hookdeck's x-hookdeck-signature and -2 while a secret rolls): every value is a candidate and one
 * match is enough, as the providers' own verifiers do.
 */
import { readPrefixed } from '../formats';
import type { ReceivedSignatures } from '../hmac-scheme';
import type { SignedMessage } from '../types';

/** The names of the message's headers that `matches` accepts, in the order received (lowercase). */
export function headerNamesMatching(message: SignedMessage, matches: (lowercaseName: string) => boolean): string[] {
  const names: string[] = [];
  for (const [key] of message.headers) {
    const lower = key.toLowerCase();
    if (matches(lower) && !names.includes(lower)) names.push(lower);
  }
  return names;
}

/** Every value of the given headers as a candidate `<prefix><mac>`; null when none is present. */
export function readHeaderFamily(message: SignedMessage, names: string[], prefix: string, format: string): ReceivedSignatures | null {
  const found = names
    .map((name) => readPrefixed(message, name, prefix, format))
    .filter((read): read is ReceivedSignatures => read !== null);
  if (found.length === 0) return null;
  const merged: ReceivedSignatures = {
    signatures: found.flatMap((read) => read.signatures),
    received: found.map((read) => read.received).join(', '),
    rawValues: found.flatMap((read) => read.rawValues),
  };
  // Malformed only when no header holds a usable value; one empty header beside a good one is not.
  if (merged.signatures.length === 0) merged.malformed = found[0]?.malformed ?? `expected ${format}`;
  return merged;
}
