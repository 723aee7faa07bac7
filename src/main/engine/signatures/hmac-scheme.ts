import { createHmac } from 'node:crypto';
import type { DiagnosisItem, SchemeDescriptor, VerificationReason } from '../../../shared/api';
import type { SchemeCategory, SchemeSetting } from '../../../shared/scheme-ids';
import { deriveRecipe } from '../snippets/derive-recipe';
import type { EventTypeSource } from './event-sources';
import { definitionFacts, sharedDescriptorFields } from './scheme-facts';
import { layoutPrefix, layoutValue, readLayout, type SignatureLayout } from './formats';
import type { Handshake } from './handshake';
import { buildContent, templateUses, type ContentFields, type ContentPart } from './content';
import { findHeader } from './headers';
import { constantTimeEqual, encodeMac, hmac, type HmacAlgorithm, type SignatureEncoding } from './hmac';
import { formatTimestamp, type TimestampUnit, type ToleranceDirection } from './timestamp';
import { combinedReason, judgeTimestamp, missingHeaderCheck } from './check-parts';
import type { DiagnosisProbe, SchemeCheck, SignatureScheme, SignedMessage, SignOptions, VerifyOptions } from './types';

/** What a scheme found in its signature header(s). */
export interface ReceivedSignatures {
  /** Values compared strictly with the encoded MAC, once the scheme's own framing is removed. */
  signatures: string[];
  /** The header value(s) as received, for display. */
  received: string;
  rawValues: string[];
  /** Timestamp text when the signature header itself carries it (Stripe `t=`, Paddle `ts=`). */
  timestamp?: string | null;
  /** Set when the header is present but breaks the scheme's format: says what is wrong. */
  malformed?: string;
}

export interface TimestampRule {
  source: 'header' | 'signature_header' | 'body';
  /** Header name (or body field) shown in messages. */
  name: string;
  unit: TimestampUnit;
  direction: ToleranceDirection;
  /** A missing timestamp is `missing_header` when required, else the check is skipped (Linear). */
  required: boolean;
}

/**
 * Declarative description of an HMAC scheme: a provider's whole definition. Every HMAC scheme of
 * the app is one; the shared engine below gives them all the same checks, the same order of
 * reasons and the same diagnosis input, and derives the rest (descriptor, header list, signing
 * headers, snippet recipe) so no fact is written twice.
 */
export interface HmacSchemeSpec<Id extends SchemeSetting> {
  id: Id;
  label: string;
  category: SchemeCategory;
  /** The provider's documentation of its signature (cited by the scheme file's comment too). */
  docsUrl: string;
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  signatureHeader: string;
  signature: SignatureLayout;
  /** e.g. `sha256=<hex>`; shown in messages and the UI. */
  signatureFormat: string;
  timestamp: TimestampRule | null;
  idHeader: string | null;
  /** The signed content; also how the UI explains the scheme. */
  template: ContentPart[];
  secretFormat: SchemeDescriptor['secret_format'];
  /** Secret text to HMAC key; the UTF-8 bytes by default. */
  keyOf?: (secret: string) => Buffer;
  /** `timestamp-first` mirrors SDKs that reject stale messages before computing anything. */
  order: 'signature-first' | 'timestamp-first';
  /** Where the event type is named; default: the JSON body's `event` field. */
  eventType?: EventTypeSource;
  /** Header whose value stays the same across retries of one delivery. */
  deliveryIdHeader?: string;
  handshake?: Handshake;
  /** Every header name read; default: the signature, timestamp and id headers. */
  headerNames?: string[];
  /** `false` when no verification snippet should be offered even though one could be derived. */
  snippets?: false;
  /** Overrides for providers whose headers do not follow the layout alone. */
  readSignatures?(message: SignedMessage): ReceivedSignatures | null;
  readTimestamp?(message: SignedMessage): string | null;
  readId?(message: SignedMessage): string | null;
  readUrl?(message: SignedMessage): string | null;
  /** Replaces the template when the content is not a plain join (Twilio). */
  contentOf?(fields: ContentFields): Buffer;
  /** Further contents that count as valid (Twilio accepts the URL with and without the port). */
  alternativeContents?(fields: ContentFields): Buffer[];
  /** A check beyond the MAC (Twilio's bodySHA256); returns a diagnosis item when it fails. */
  extraCheck?(fields: ContentFields): DiagnosisItem | null;
  contentVariants?(fields: ContentFields): Array<{ message: string; content: Buffer }>;
  /** The header(s) a sender would send for this MAC; default: from the layout and the headers above. */
  signHeaders?(args: { encoded: string; timestamp: string | null; id: string | null }): Record<string, string>;
}

const utf8Key = (secret: string) => Buffer.from(secret, 'utf8');
/** Webhooks are POSTed; a scheme that signs the method assumes it when the caller names none. */
const DEFAULT_METHOD = 'POST';

/** The headers a sender of this scheme sends: id and timestamp (when in headers), then the signature. */
function layoutHeaders(spec: HmacSchemeSpec<SchemeSetting>) {
  const timestampHeader = spec.timestamp?.source === 'header' ? spec.timestamp.name : null;
  return ({ encoded, timestamp, id }: { encoded: string; timestamp: string | null; id: string | null }): Record<string, string> => ({
    ...(spec.idHeader ? { [spec.idHeader]: id ?? '' } : {}),
    ...(timestampHeader ? { [timestampHeader]: timestamp ?? '' } : {}),
    [spec.signatureHeader]: layoutValue(spec.signature, encoded, timestamp),
  });
}

function defaultHeaderNames(spec: HmacSchemeSpec<SchemeSetting>): string[] {
  const names = [spec.idHeader, spec.timestamp?.source === 'header' ? spec.timestamp.name : null, spec.signatureHeader];
  return names.filter((name): name is string => name !== null).map((name) => name.toLowerCase());
}

export function defineHmacScheme<const Id extends SchemeSetting>(spec: HmacSchemeSpec<Id>): SignatureScheme<Id> {
  const keyOf = spec.keyOf ?? utf8Key;
  const usesUrl = templateUses(spec.template, 'url');
  const usesMethod = templateUses(spec.template, 'method');
  const signaturePrefix = layoutPrefix(spec.signature);
  const headerNames = spec.headerNames ?? defaultHeaderNames(spec);
  const signHeaders = spec.signHeaders ?? layoutHeaders(spec);
  const readSignatures =
    spec.readSignatures ?? ((message: SignedMessage) => readLayout(message, [spec.signatureHeader], spec.signature, spec.signatureFormat));
  const snippet = spec.snippets === false ? null : deriveRecipe(spec);
  const contentOf = spec.contentOf ?? ((fields: ContentFields) => buildContent(spec.template, fields));
  const readTimestamp = (message: SignedMessage, fromSignature: ReceivedSignatures | null): string | null => {
    const rule = spec.timestamp;
    if (!rule) return null;
    if (rule.source === 'signature_header') return fromSignature?.timestamp ?? null;
    if (spec.readTimestamp) return spec.readTimestamp(message);
    return findHeader(message.headers, rule.name);
  };
  const readId = (message: SignedMessage) =>
    spec.readId ? spec.readId(message) : spec.idHeader ? findHeader(message.headers, spec.idHeader) : null;
  const readUrl = (message: SignedMessage) => (spec.readUrl ? spec.readUrl(message) : (message.url ?? null));

  const descriptor: SchemeDescriptor = {
    ...sharedDescriptorFields(spec, headerNames),
    uses_url: usesUrl,
    algorithm: spec.algorithm,
    encoding: spec.encoding,
    secret_format: spec.secretFormat,
    has_snippets: snippet !== null,
    key_kind: 'shared_secret',
    key_pair: null,
  };

  /** Names of the required headers the message lacks; null (no allocation) when none is missing. */
  function missingHeaders(received: ReceivedSignatures | null, rawTimestamp: string | null, id: string | null): string[] | null {
    let missing: string[] | null = null;
    if (received === null) missing = [spec.signatureHeader];
    if (spec.timestamp?.required && spec.timestamp.source === 'header' && rawTimestamp === null) (missing ??= []).push(spec.timestamp.name);
    if (spec.idHeader !== null && templateUses(spec.template, 'id') && id === null) (missing ??= []).push(spec.idHeader);
    return missing;
  }

  /**
   * The encoded MAC without building the signed content: the template's parts go into the HMAC one
   * by one (same bytes as buildContent) and a text secret is handed over as is (UTF-8, as keyOf).
   */
  function leanMac(secret: string, fields: ContentFields): string {
    const mac = createHmac(spec.algorithm, spec.keyOf ? spec.keyOf(secret) : secret);
    for (const part of spec.template) {
      if (part.kind === 'literal') mac.update(part.text, 'utf8');
      else if (part.kind === 'body') mac.update(fields.body);
      else mac.update(fields[part.kind] ?? '', 'utf8');
    }
    return mac.digest(spec.encoding);
  }

  function verify(message: SignedMessage, { secret, toleranceSeconds, nowSeconds, lean = false }: VerifyOptions): SchemeCheck {
    const received = readSignatures(message);
    const rawTimestamp = readTimestamp(message, received);
    const id = readId(message);

    const missing = missingHeaders(received, rawTimestamp, id);
    if (received === null || missing !== null) return missingHeaderCheck(spec.label, missing ?? [], received?.received ?? null);
    if (spec.timestamp?.source === 'signature_header' && rawTimestamp === null && !received.malformed) {
      received.malformed = `${spec.signatureHeader} has no timestamp; expected ${spec.signatureFormat}.`;
    }

    const fields: ContentFields = { id, timestamp: rawTimestamp, url: usesUrl ? readUrl(message) : null, body: message.body };
    if (usesMethod) fields.method = message.method ?? DEFAULT_METHOD;
    // The full path keeps the content and the MAC bytes for the diagnosis and the detail view.
    const content = lean && !spec.contentOf ? null : contentOf(fields);
    const mac = content === null ? null : hmac(spec.algorithm, keyOf(secret), content);
    const encoded = mac === null ? leanMac(secret, fields) : encodeMac(mac, spec.encoding);
    const expectedHeaders = signHeaders({ encoded, timestamp: rawTimestamp, id });
    // signHeaders names the header as the spec spells it; the case-insensitive search is the fallback.
    const expected = expectedHeaders[spec.signatureHeader] ?? findHeader(Object.entries(expectedHeaders), spec.signatureHeader) ?? encoded;
    const probe: DiagnosisProbe | undefined =
      lean || content === null || mac === null
        ? undefined
        : {
            algorithm: spec.algorithm,
            encoding: spec.encoding,
            signaturePrefix,
            secret,
            keyOf,
            decodesSecret:
              spec.secretFormat === 'whsec_base64' ||
              spec.secretFormat === 'base64' ||
              (spec.secretFormat === 'custom' && spec.keyOf !== undefined),
            secretFormat: spec.secretFormat,
            fields,
            template: spec.contentOf ? null : spec.template,
            contentOf,
            mac,
            rawSignatureValues: received.rawValues,
            timestampUnit: spec.timestamp?.unit ?? null,
            contentVariants: spec.contentVariants ? () => spec.contentVariants!(fields) : undefined,
          };
    const signedContent = lean ? null : content;

    if (received.malformed) {
      return {
        reason: 'malformed_header',
        received: received.received,
        expected,
        timestamp: null,
        signedContent,
        diagnosis: [{ code: 'malformed_header', message: received.malformed }],
        signatureMatched: false,
        probe,
      };
    }

    const {
      timestamp,
      reason: timestampReason,
      items: timestampItems,
    } = judgeTimestamp(spec.timestamp, rawTimestamp, nowSeconds, toleranceSeconds);

    let matched = false;
    for (const signature of received.signatures) {
      if (constantTimeEqual(signature, encoded)) matched = true;
    }
    if (!matched && spec.alternativeContents) {
      const key = keyOf(secret);
      matched = spec.alternativeContents(fields).some((alternative) => {
        const alt = encodeMac(hmac(spec.algorithm, key, alternative), spec.encoding);
        return received.signatures.some((signature) => constantTimeEqual(signature, alt));
      });
    }
    const extra = matched && spec.extraCheck ? spec.extraCheck(fields) : null;
    const signatureReason: VerificationReason = matched && !extra ? 'ok' : 'signature_mismatch';

    const diagnosis: DiagnosisItem[] = [...timestampItems];
    if (extra) diagnosis.push(extra);
    const reason = combinedReason(spec.order, timestampReason, signatureReason);

    return {
      reason,
      received: received.received,
      expected,
      timestamp,
      signedContent,
      diagnosis,
      // The diagnosis search runs only when no signature matched; a Twilio body-hash failure has
      // its own item and nothing more to search.
      signatureMatched: matched,
      probe,
    };
  }

  function sign({ secret, body, timestampSeconds, id, url, method }: SignOptions) {
    const timestamp = spec.timestamp ? formatTimestamp(timestampSeconds, spec.timestamp.unit) : null;
    const fields: ContentFields = {
      id: id ?? null,
      timestamp,
      url: url ?? null,
      body,
      ...(usesMethod ? { method: method ?? DEFAULT_METHOD } : {}),
    };
    const content = contentOf(fields);
    const mac = hmac(spec.algorithm, keyOf(secret), content);
    return {
      headers: signHeaders({ encoded: encodeMac(mac, spec.encoding), timestamp, id: id ?? null }),
      signedContent: content,
    };
  }

  return {
    ...definitionFacts(spec),
    headerNames,
    descriptor,
    snippet,
    verify,
    sign,
  };
}
