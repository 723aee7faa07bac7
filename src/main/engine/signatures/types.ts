import type { DiagnosisItem, SchemeDescriptor, VerificationReason } from '../../../shared/api';
import type { SchemeCategory, SchemeSetting } from '../../../shared/scheme-ids';
import type { SnippetRecipe } from '../snippets/recipes';
import type { EventTypeSource } from './event-sources';
import type { Handshake } from './handshake';
import type { ContentFields, ContentPart } from './content';
import type { HmacAlgorithm, SignatureEncoding } from './hmac';
import type { OtherSecret } from './diagnosis/context';
import type { KeyFormat } from './key-formats';
import type { HeaderPairs } from '../../../shared/http-headers';

/** A request as verification sees it: raw header pairs and the exact body bytes. */
export interface SignedMessage {
  headers: HeaderPairs;
  body: Buffer;
  /** URL as the sender addressed it (absolute, or the request target); Twilio and `{url}` sign it. */
  url?: string;
  /** The URL was given by the user: use it as is, without rebuilding it from forwarding headers. */
  exactUrl?: boolean;
  /** The request method (HubSpot v3 signs it); POST when not given. */
  method?: string;
}

export interface VerifyOptions {
  secret: string;
  toleranceSeconds: number;
  /** Unix seconds; replaces the clock so published vectors can be checked. */
  nowSeconds: number;
  /**
   * Verdict only: no signed-content copy and no diagnosis probe. The receiver verifies every
   * request this way; each object and Buffer it does not allocate is throughput under load.
   */
  lean?: boolean;
}

/**
 * Everything the diagnosis needs to recompute a scheme's signature with one thing changed
 * (the body, the secret, the signed content, the algorithm). Built only on the failure path's
 * behalf but cheap to build: closures and references, no hashing.
 */
export interface DiagnosisProbe {
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  /** What precedes the encoded MAC in the header value, e.g. `sha256=`, `v1,`, `v0=`; '' if nothing. */
  signaturePrefix: string;
  secret: string;
  keyOf(secret: string): Buffer;
  /** True when the scheme decodes its secret (whsec_ + base64) rather than using the text. */
  decodesSecret: boolean;
  /** How the descriptor names the secret (the diagnosis says `whsec_` only where the scheme uses it). */
  secretFormat?: SchemeDescriptor['secret_format'];
  fields: ContentFields;
  /** The signed content as a template; null when it is not one (Twilio). */
  template: ContentPart[] | null;
  contentOf(fields: ContentFields): Buffer;
  /** The MAC of the correct content with the configured secret. */
  mac: Buffer;
  /** Raw values of the signature header(s), decoded leniently by the diagnosis. */
  rawSignatureValues: string[];
  timestampUnit: 's' | 'ms' | 'rfc3339' | null;
  /** Scheme-specific alternative contents (Twilio: the URL as http/https, with/without port). */
  contentVariants?: () => Array<{ message: string; content: Buffer }>;
}

/** What a scheme reports before the verdict is assembled. */
export interface SchemeCheck {
  reason: VerificationReason;
  received: string | null;
  expected: string | null;
  /** Unix seconds. */
  timestamp: number | null;
  signedContent: Buffer | null;
  diagnosis: DiagnosisItem[];
  /** Whether one of the received signatures matched strictly (false when none was compared). */
  signatureMatched: boolean;
  /** Present when a signature was received and its content could be built: the diagnosis input. */
  probe?: DiagnosisProbe;
  /** Set by key-pair schemes: the check used a public key of this algorithm (no expected signature). */
  keyAlgorithm?: KeyFormat['algorithm'];
  /** Key-pair schemes, whose mismatch has no MAC to search with: the diagnosis, run on the same path. */
  explain?: (otherSecrets: readonly OtherSecret[]) => DiagnosisItem[];
}

export interface SignOptions {
  secret: string;
  body: Buffer;
  timestampSeconds: number;
  id?: string;
  url?: string;
  /** The method the request will be sent with, for schemes that sign it; POST by default. */
  method?: string;
}

export interface SignResult {
  headers: Record<string, string>;
  signedContent: Buffer;
  /** The body to send instead of the given one, when the scheme signs inside the body (Mailgun). */
  body?: Buffer;
}

/**
 * Everything the app knows about one scheme, in one place: the definition file of a provider
 * fills these, and the receiver (event type, delivery id, handshake), the snippets, the API and
 * the README table read them from here.
 */
export interface SignatureScheme<Id extends SchemeSetting = SchemeSetting> {
  /** Stable identifier used in endpoint configs and the API, e.g. `dcisionai`. */
  id: Id;
  label: string;
  category: SchemeCategory;
  docsUrl: string;
  /** Header names (lowercase) this scheme reads, for display and for replacing on re-sign. */
  headerNames: string[];
  /** What the UI needs to render the scheme's form; see GET /api/schemes. */
  descriptor: SchemeDescriptor;
  /** Where the provider names the event type; null: the JSON body's `event` field. */
  eventType: EventTypeSource | null;
  /** Header carrying an id that stays the same across retries of one delivery; null if none. */
  deliveryIdHeader: string | null;
  /** The request a provider sends to check the endpoint before delivering, answered by the receiver. */
  handshake: Handshake | null;
  /** The verification snippets' recipe, derived from the definition; null when none can be written. */
  snippet: SnippetRecipe | null;
  /** The key formats of a scheme verified with a public key; absent for HMAC-only schemes. */
  keyPair?: KeyFormat;
  verify(message: SignedMessage, options: VerifyOptions): SchemeCheck;
  sign(options: SignOptions): SignResult;
}
