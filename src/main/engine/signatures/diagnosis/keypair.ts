/**
 * Diagnosis for the key-pair schemes. A signature cannot be recomputed without the private key,
 * but a candidate content can be verified against it: so the body and content families of the
 * HMAC search run unchanged, with "does this content verify?" as their test. The key itself is
 * checked too: another endpoint's key that verifies, a private key configured for a public one.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { DiagnosisItem } from '../../../../shared/api';
import type { ContentFields, ContentPart } from '../content';
import { buildContent } from '../content';
import { KeyFormatError, verifyWithKey, type KeyFormat } from '../key-formats';
import type { DiagnosisProbe } from '../types';
import { explainBom, explainLineEndings, explainTrailingNewline } from './body-bytes';
import { explainBodyReserialized } from './body-reserialized';
import { explainDecodedAsText } from './body-text-decode';
import { BODY_SEARCH_LIMIT, type Explanation, type OtherSecret, type SearchContext } from './context';
import { explainSignedContent } from './signed-content';
import { explainTimestampUnits } from './timestamp-units';

/** The families that only change the content; the MAC-specific ones (encoding, algorithm, secret bytes) do not apply. */
const CONTENT_FAMILIES: Explanation[] = [
  explainBodyReserialized,
  explainTrailingNewline,
  explainLineEndings,
  explainBom,
  explainDecodedAsText,
  explainSignedContent,
  explainTimestampUnits,
];

const verifiesAny = (key: KeyObject, content: Buffer, signatures: readonly Buffer[]) =>
  signatures.some((signature) => verifyWithKey(key, content, signature));

/** The key was not a public key of the scheme's format: say so, and whether the key it names would verify. */
export function explainKeyFormat(
  keys: KeyFormat,
  secret: string,
  problem: string,
  content: Buffer,
  signatures: readonly Buffer[],
): DiagnosisItem[] {
  const items: DiagnosisItem[] = [{ code: 'key_format', message: problem }];
  const privateKey = keys.privateKeyIn(secret);
  if (privateKey) {
    const verifies = verifiesAny(createPublicKey(privateKey), content, signatures);
    items.push({
      code: 'key_format',
      message: verifies
        ? 'With the public key of this private key the signature verifies: configure the public key here, and keep the private key with the sender only.'
        : 'The public key of this private key does not verify the signature either: the sender signs with another key pair.',
    });
  }
  return items;
}

export interface KeyPairMismatch {
  keys: KeyFormat;
  key: KeyObject;
  secret: string;
  fields: ContentFields;
  template: ContentPart[];
  timestampUnit: 's' | 'ms' | 'rfc3339' | null;
  signatures: readonly Buffer[];
  others: readonly OtherSecret[];
}

/**
 * The search context of the HMAC families with verification as the test. The MAC-only members
 * are inert (no MAC exists here), and none of CONTENT_FAMILIES reads them.
 */
function verificationContext(input: KeyPairMismatch): SearchContext {
  const contentOf = (fields: ContentFields) => buildContent(input.template, fields);
  const probe: DiagnosisProbe = {
    algorithm: 'sha256',
    encoding: 'base64',
    signaturePrefix: '',
    secret: input.secret,
    keyOf: () => Buffer.alloc(0),
    decodesSecret: false,
    fields: input.fields,
    template: input.template,
    contentOf,
    mac: Buffer.alloc(0),
    rawSignatureValues: [],
    timestampUnit: input.timestampUnit,
  };
  return {
    probe,
    received: { has: () => false, find: () => undefined },
    otherSecrets: input.others,
    bodySearchable: input.fields.body.length <= BODY_SEARCH_LIMIT,
    key: Buffer.alloc(0),
    macOf: () => Buffer.alloc(0),
    matchesContent: (content) => verifiesAny(input.key, content, input.signatures),
    contentWith: (fields) => contentOf({ ...input.fields, ...fields }),
  };
}

function otherKeyItem(input: KeyPairMismatch, content: Buffer): DiagnosisItem | null {
  for (const other of input.others) {
    if (other.secret === '' || other.secret === input.secret) continue;
    let key: KeyObject;
    try {
      key = input.keys.parsePublic(other.secret);
    } catch (error) {
      if (error instanceof KeyFormatError) continue;
      throw error;
    }
    if (verifiesAny(key, content, input.signatures)) {
      return {
        code: 'signature_mismatch',
        message: `The signature does not verify with this endpoint's public key, but it DOES verify with the key of "${other.label}": the sender signs for that endpoint, or sends to the wrong path. Use that key here or fix the sender's URL.`,
      };
    }
  }
  return null;
}

/** Runs after a strict mismatch with a well-formed public key. */
export function explainKeyPairMismatch(input: KeyPairMismatch): DiagnosisItem[] {
  const ctx = verificationContext(input);
  const items = CONTENT_FAMILIES.flatMap((explain) => explain(ctx));
  if (items.length > 0) return items;
  const content = ctx.probe.contentOf(input.fields);
  const other = otherKeyItem(input, content);
  if (other) return [other];
  const parts = [
    'The signature does not verify with the configured public key, and no common change to the body or the signed content explains it: most likely the sender signs with another key pair (compare the public key with the one the provider shows), or the body was changed after signing.',
  ];
  const tried = input.others.filter((other) => other.secret !== '' && other.secret !== input.secret);
  if (tried.length > 0)
    parts.push(`The keys of the other endpoints (${tried.map((other) => `"${other.label}"`).join(', ')}) were tried too; none verifies.`);
  if (input.fields.body.length > BODY_SEARCH_LIMIT)
    parts.push(`The body is larger than ${BODY_SEARCH_LIMIT / 1024} KiB, so body re-encodings were not searched.`);
  return [{ code: 'signature_mismatch', message: parts.join(' ') }];
}
