import type { KeyObject } from 'node:crypto';
import type { SchemeDescriptor } from '../../../shared/api';
import type { SchemeCategory, SchemeId } from '../../../shared/scheme-ids';
import { buildContent, templateUses, type ContentFields, type ContentPart } from './content';
import { explainKeyFormat, explainKeyPairMismatch } from './diagnosis/keypair';
import type { EventTypeSource } from './event-sources';
import { layoutValue, readLayout, type SignatureLayout } from './formats';
import type { Handshake } from './handshake';
import { findHeader } from './headers';
import type { ReceivedSignatures, TimestampRule } from './hmac-scheme';
import { combinedReason, judgeTimestamp, missingHeaderCheck } from './check-parts';
import { definitionFacts, sharedDescriptorFields } from './scheme-facts';
import { KeyFormatError, signWithKey, verifyWithKey, type KeyFormat } from './key-formats';
import { formatTimestamp } from './timestamp';
import type { SchemeCheck, SignatureScheme, SignedMessage, SignOptions, VerifyOptions } from './types';

/**
 * A provider that signs with a private key and publishes the public one (Discord and Standard
 * Webhooks' v1a: Ed25519; SendGrid: ECDSA P-256 with SHA-256). The same shape as an HMAC
 * definition where it can be (header layout, timestamp rule, template), with keys instead of a
 * secret: `secret` holds the public key to verify and the private key to sign.
 */
export interface KeyPairSchemeSpec<Id extends SchemeId> {
  id: Id;
  label: string;
  category: SchemeCategory;
  docsUrl: string;
  keys: KeyFormat;
  signatureHeader: string;
  signature: SignatureLayout;
  /** How the signature bytes are written in the header. */
  encoding: 'hex' | 'base64';
  signatureFormat: string;
  /** From a header of its own (the only source these providers use). */
  timestamp: (TimestampRule & { source: 'header' }) | null;
  idHeader: string | null;
  template: ContentPart[];
  order: 'signature-first' | 'timestamp-first';
  eventType?: EventTypeSource;
  deliveryIdHeader?: string;
  handshake?: Handshake;
  headerNames?: string[];
  readSignatures?(message: SignedMessage): ReceivedSignatures | null;
  readTimestamp?(message: SignedMessage): string | null;
  readId?(message: SignedMessage): string | null;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | null {
  if (encoding === 'hex') return HEX.test(text) ? Buffer.from(text, 'hex') : null;
  return BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}

const ALGORITHM_LABEL = { ed25519: 'ed25519', 'ecdsa-p256': 'ecdsa-p256-sha256' } as const;

export function defineKeyPairScheme<const Id extends SchemeId>(spec: KeyPairSchemeSpec<Id>): SignatureScheme<Id> {
  const timestampHeader = spec.timestamp?.name ?? null;
  const headerNames =
    spec.headerNames ??
    [spec.idHeader, timestampHeader, spec.signatureHeader]
      .filter((name): name is string => name !== null)
      .map((name) => name.toLowerCase());
  const readSignatures =
    spec.readSignatures ?? ((message: SignedMessage) => readLayout(message, [spec.signatureHeader], spec.signature, spec.signatureFormat));
  const readTimestamp = (message: SignedMessage) =>
    spec.timestamp === null ? null : spec.readTimestamp ? spec.readTimestamp(message) : findHeader(message.headers, spec.timestamp.name);
  const readId = (message: SignedMessage) =>
    spec.readId ? spec.readId(message) : spec.idHeader ? findHeader(message.headers, spec.idHeader) : null;
  const contentOf = (fields: ContentFields) => buildContent(spec.template, fields);

  const descriptor: SchemeDescriptor = {
    ...sharedDescriptorFields(spec, headerNames),
    uses_url: false,
    algorithm: ALGORITHM_LABEL[spec.keys.algorithm],
    encoding: spec.encoding,
    secret_format: 'key_pair',
    has_snippets: false,
    key_kind: 'key_pair',
    key_pair: {
      algorithm: spec.keys.algorithm,
      public_key_format: spec.keys.publicKeyFormat,
      private_key_format: spec.keys.privateKeyFormat,
    },
  };

  // The receiver verifies every request of an endpoint with the same key: parse it once.
  let lastKey: { text: string; key: KeyObject } | null = null;
  const publicKeyOf = (text: string): KeyObject => {
    if (lastKey?.text !== text) lastKey = { text, key: spec.keys.parsePublic(text) };
    return lastKey.key;
  };

  function verify(message: SignedMessage, options: VerifyOptions): SchemeCheck {
    return { ...checkSignature(message, options), keyAlgorithm: spec.keys.algorithm };
  }

  function checkSignature(message: SignedMessage, { secret, toleranceSeconds, nowSeconds, lean = false }: VerifyOptions): SchemeCheck {
    const received = readSignatures(message);
    const rawTimestamp = readTimestamp(message);
    const id = readId(message);
    const missing: string[] = [];
    if (received === null) missing.push(spec.signatureHeader);
    if (spec.timestamp?.required && rawTimestamp === null) missing.push(spec.timestamp.name);
    if (spec.idHeader !== null && templateUses(spec.template, 'id') && id === null) missing.push(spec.idHeader);
    if (received === null || missing.length > 0) return missingHeaderCheck(spec.label, missing, received?.received ?? null);

    const fields: ContentFields = { id, timestamp: rawTimestamp, url: null, body: message.body };
    const content = contentOf(fields);
    const signedContent = lean ? null : content;
    const signatures = received.signatures
      .map((text) => decodeSignature(text, spec.encoding))
      .filter((bytes): bytes is Buffer => bytes !== null);
    const base = { received: received.received, expected: null, signedContent, signatureMatched: false };
    if (received.malformed || signatures.length === 0) {
      const message =
        received.malformed ??
        `${spec.signatureHeader} must be ${spec.signatureFormat}; got ${JSON.stringify(received.received.slice(0, 80))} (not ${spec.encoding}).`;
      return { ...base, reason: 'malformed_header', timestamp: null, diagnosis: [{ code: 'malformed_header', message }] };
    }

    const {
      timestamp,
      reason: timestampReason,
      items: diagnosis,
    } = judgeTimestamp(spec.timestamp, rawTimestamp, nowSeconds, toleranceSeconds);

    let key: KeyObject | null = null;
    let keyError: string | null = null;
    try {
      key = publicKeyOf(secret);
    } catch (error) {
      if (!(error instanceof KeyFormatError)) throw error;
      keyError = error.message;
    }
    const matched = key !== null && signatures.some((signature) => verifyWithKey(key, content, signature));

    const reason = combinedReason(spec.order, timestampReason, matched ? 'ok' : 'signature_mismatch');
    const check: SchemeCheck = { ...base, reason, timestamp, diagnosis, signatureMatched: matched };
    if (keyError !== null) {
      // A key in the wrong format is named whatever else failed: nothing can be verified with it.
      if (!lean) diagnosis.push(...explainKeyFormat(spec.keys, secret, keyError, content, signatures));
      return check;
    }
    if (!matched && !lean && key !== null) {
      const verifiedKey = key;
      check.explain = (others) =>
        explainKeyPairMismatch({
          keys: spec.keys,
          key: verifiedKey,
          secret,
          fields,
          template: spec.template,
          timestampUnit: spec.timestamp?.unit ?? null,
          signatures,
          others,
        });
    }
    return check;
  }

  function sign({ secret, body, timestampSeconds, id }: SignOptions) {
    const key = spec.keys.parsePrivate(secret);
    const timestamp = spec.timestamp ? formatTimestamp(timestampSeconds, spec.timestamp.unit) : null;
    const content = contentOf({ id: id ?? null, timestamp, url: null, body });
    const encoded = signWithKey(key, content).toString(spec.encoding);
    const headers: Record<string, string> = {
      ...(spec.idHeader ? { [spec.idHeader]: id ?? '' } : {}),
      ...(timestampHeader ? { [timestampHeader]: timestamp ?? '' } : {}),
      [spec.signatureHeader]: layoutValue(spec.signature, encoded, timestamp),
    };
    return { headers, signedContent: content };
  }

  return {
    ...definitionFacts(spec),
    headerNames,
    descriptor,
    snippet: null,
    keyPair: spec.keys,
    verify,
    sign,
  };
}
