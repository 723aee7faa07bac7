/**
 * The control API contract, shared by the engine (src/main/engine), the renderer and the tests.
 * Every response body is `{ data: ... }`; every error is `{ error: { code, message } }`.
 */
import type { EventConformance, EventPayload, JsonSchema } from './event-catalog';

export type { EventConformance, SchemaIssue } from './event-catalog';

import type { DeliverySummary } from './platform-api';
import type { CustomSchemeConfig } from './contract/custom-scheme';
import type { StorageProblem } from './contract/health';
import type { Tunnel, TunnelInstallHelp } from './contract/tunnels';

// Moved to the contract (src/shared/contract), whose schemas validate, serialize and describe them.
export type { CustomSchemeConfig } from './contract/custom-scheme';
export { CATCH_ALL_ENDPOINT_ID, DEFAULT_FORWARD_TIMEOUT_MS, MAX_FORWARD_TIMEOUT_MS } from './contract/endpoints';
export type { Endpoint, EndpointInput, EndpointResponseConfig } from './contract/endpoints';
export type { Health, StorageProblem } from './contract/health';
export { DEFAULT_RETENTION } from './contract/retention';
export type { HistoryUsage, RetentionSettings, RetentionState } from './contract/retention';
export type { SchemeDescriptor } from './contract/schemes';
export type { DiagnosisItem, Verdict, Verification, VerificationReason } from './contract/verification';
export type { ForwardOutcome, OutboundError, OutboundErrorCode } from './contract/outbound-error';
export type { ListenerHealth, ManagedTunnelProvider, Tunnel, TunnelInstallHelp, TunnelProvider } from './contract/tunnels';
import type { Verdict, Verification, VerificationReason } from './contract/verification';
import type { ForwardOutcome, OutboundError, OutboundErrorCode } from './contract/outbound-error';

export interface ForwardedInfo {
  for: string | null;
  proto: string | null;
  host: string | null;
}

export interface RequestSummary {
  id: number;
  received_at: string;
  method: string;
  path: string;
  query: string;
  body_size: number;
  truncated: boolean;
  /**
   * The sender closed the connection before the body was complete (or the request timed out):
   * the body holds the bytes that arrived, and no response was sent.
   */
  aborted: boolean;
  content_type: string | null;
  event: string | null;
  endpoint_id: string | null;
  response_status: number;
  verification: {
    verdict: Verdict;
    reason: VerificationReason;
    scheme: string;
    /**
     * The first diagnosis code of an invalid capture (e.g. `body_reserialized`,
     * `timestamp_milliseconds`), filled in by the background indexer shortly after the capture
     * arrives; null until then, and for valid or unverifiable captures.
     */
    diagnosis: string | null;
  };
  /** Kept by retention and by "Clear all" (PUT /api/requests/:id `{"pinned": true}`). */
  pinned: boolean;
  /**
   * Id of the earliest capture with the same delivery id header (X-DcisionAI-Delivery, webhook-id,
   * svix-id, X-GitHub-Delivery) that was acknowledged with a 2xx; null when there is none (a retry
   * after a failed attempt is not a duplicate).
   */
  duplicate_of: number | null;
  /** True for captures that came from a HAR import rather than over the network. */
  imported: boolean;
  /** True when the receiver answered the request as a handshake (RequestDetail.handshake names it). */
  handshake: boolean;
  /**
   * The URL the sender called when the request came through a tunnel or proxy:
   * `<X-Forwarded-Proto>://<X-Forwarded-Host><path>?<query>`, or built from a Host header that is
   * not loopback; null when it arrived directly. URL-signing schemes verify against it.
   */
  public_url: string | null;
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The exact response bytes, when they came from a forwarding target (may not be UTF-8). */
  body_base64?: string;
}

/**
 * Bodies up to this many stored bytes travel inline in GET /api/requests/:id (`body_base64`);
 * larger ones are left out of it and read from GET /api/requests/:id/body (exact bytes, Range).
 */
export const INLINE_BODY_LIMIT_BYTES = 256 * 1024;

/** A capture detail carries at most this much of the signed content: what the inspector shows of it. */
export const SIGNED_CONTENT_PREVIEW_BYTES = 64 * 1024;

/**
 * The event catalog check (RequestDetail.conformance) parses the whole body; past this many bytes
 * it is skipped (null): catalog events are small, and parsing a 20 MB body costs the engine
 * hundreds of MB and the detail half a second.
 */
export const CONFORMANCE_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * A capture with its whole body: what the engine works with (verification, replay, exports) and
 * what a JSON export holds. The detail the API answers is a RequestDetail.
 */
export interface CapturedRequest {
  id: number;
  received_at: string;
  method: string;
  path: string;
  /** The raw query string without the leading '?', '' when there is none. */
  query: string;
  url: string;
  /** See RequestSummary.public_url. */
  public_url: string | null;
  http_version: string;
  /** Header pairs exactly as received: original order, original case, duplicates kept. */
  headers: Array<[string, string]>;
  /** The stored bytes, base64 (fewer than `body_size` when truncated or aborted). */
  body_base64: string;
  /** Bytes the sender sent (the stored body is shorter when truncated). */
  body_size: number;
  truncated: boolean;
  /** See RequestSummary.aborted. `response` is then what the endpoint would have answered. */
  aborted: boolean;
  remote_address: string | null;
  remote_port: number | null;
  forwarded: ForwardedInfo;
  endpoint_id: string | null;
  event: string | null;
  verification: Verification;
  response: CapturedResponse;
  timing: { body_ms: number; total_ms: number };
  /** See RequestSummary.duplicate_of. */
  duplicate_of: number | null;
  /** Set when the endpoint forwarded this capture; `response` then holds the target's answer. */
  forward?: ForwardOutcome | null;
  /**
   * For JSON bodies with an `event` field: how they conform to the event catalog; else null (and
   * for bodies over CONFORMANCE_MAX_BODY_BYTES).
   */
  conformance?: EventConformance | null;
  /** True for captures created by HAR import rather than received. */
  imported?: boolean;
  /** See RequestSummary.pinned. */
  pinned?: boolean;
  /**
   * True when `response` is the HTTP parser's (400, 408, 431): the request could not be read to
   * the end (a bad chunk, a connection half-closed mid-body, bytes after the announced length), so
   * that answer went out instead of the endpoint's.
   */
  response_by_parser?: boolean;
  /**
   * The handshake the receiver answered (e.g. `Zoom endpoint.url_validation`); `response` is that
   * answer. Absent or null for other captures.
   */
  handshake?: string | null;
}

/** Data of GET /api/requests/:id. */
export interface RequestDetail extends Omit<CapturedRequest, 'body_base64'> {
  /**
   * The stored bytes, base64, when there are at most INLINE_BODY_LIMIT_BYTES of them; null for a
   * larger body, whose bytes GET /api/requests/:id/body answers (the renderer's api/body-api.ts).
   */
  body_base64: string | null;
}

export interface RequestPage {
  data: RequestSummary[];
  next_before: number | null;
  /** Captures the query `q` selects (all captures without `q`); exact. */
  matching: number;
  /** All captures in the history; exact. */
  total: number;
}

/** Body of PUT /api/requests/:id. */
export interface RequestUpdate {
  pinned?: boolean;
}

/** Answer of DELETE /api/requests: pinned captures are kept. */
export interface ClearResult {
  deleted: number;
  kept_pinned: number;
}

export interface ApiError {
  /** `install` comes with a 424 `tunnel_unavailable` (POST /api/tunnels). */
  error: { code: string; message: string; install?: TunnelInstallHelp };
}

/** Server-sent events on GET /api/stream; each `data:` line is one JSON LiveEvent. */
export type LiveEvent =
  /** New captures (received or imported), batched. */
  | { type: 'captures'; data: RequestSummary[] }
  /** Captures already announced whose summary changed (pinned, diagnosed in the background). */
  | { type: 'captures-updated'; data: RequestSummary[] }
  | { type: 'request-deleted'; data: { id: number } }
  /** Everything unpinned was deleted (Clear all); `kept_pinned` captures remain. */
  | { type: 'requests-cleared'; data: { kept_pinned: number } }
  /** Retention deleted these captures (oldest first). */
  | { type: 'requests-pruned'; data: { ids: number[] } }
  | { type: 'requests-reverified'; data: { endpoint_id: string; count: number } }
  | { type: 'endpoints-changed'; data: Record<string, never> }
  | { type: 'sent'; data: SentSummary }
  | { type: 'sent-deleted'; data: { id: number } }
  | { type: 'sent-cleared'; data: Record<string, never> }
  | { type: 'delivery-updated'; data: DeliverySummary }
  | { type: 'webhooks-changed'; data: Record<string, never> }
  /** Storing captures started or stopped failing (see Health). */
  | { type: 'storage-changed'; data: { problem: StorageProblem | null } }
  /** The tunnels (GET /api/tunnels) changed: the whole new list. */
  | { type: 'tunnels-changed'; data: Tunnel[] };

export const DEFAULT_RECEIVER_PORT = 4700;
export const DEFAULT_UI_PORT = 4701;
export const DEFAULT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** How long a forwarding target may take by default; senders usually give up after 10 to 30 s. */
/** The catch-all endpoint always exists; it can be edited but neither deleted nor moved. */

// ---- Signatures: schemes, the Signature Lab's API, verification snippets ----

/** Body of POST /api/signatures/verify. `headers` is a list of [name, value] pairs or an object. */
export interface SignatureVerifyInput {
  scheme?: string;
  custom?: CustomSchemeConfig;
  secret: string;
  headers: Array<[string, string]> | Record<string, string>;
  body_base64: string;
  /** Unix seconds; replaces the clock. */
  now?: number;
  tolerance_seconds?: number;
  /** Full URL the sender addressed (Twilio and `{url}` templates sign it). */
  url?: string;
  /** The request method (HubSpot signs it); default POST. */
  method?: string;
}

/** Body of POST /api/signatures/sign. */
export interface SignatureSignInput {
  scheme?: string;
  custom?: CustomSchemeConfig;
  secret: string;
  body_base64: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Message id for schemes that sign one; a random `msg_...` by default. */
  id?: string;
  url?: string;
  /** The method the request will be sent with, for schemes that sign it (HubSpot); default POST. */
  method?: string;
}

export interface SignatureSignResult {
  headers: Record<string, string>;
  signed_content_base64: string;
  /** The body to send, when the scheme puts its signature in the body (Mailgun). */
  body_base64?: string;
}

/** Answer of POST /api/signatures/keypair?scheme=: a fresh pair in the scheme's formats (nothing stored). */
export interface SignatureKeyPair {
  scheme: string;
  algorithm: 'ed25519' | 'ecdsa-p256';
  /** Verifies: the endpoint's or the Lab's secret when verifying. */
  public_key: string;
  /** Signs: the secret of POST /api/signatures/sign or of a send. */
  private_key: string;
  public_key_format: string;
  private_key_format: string;
}

/** Body of POST /api/requests/:id/verify: every field overrides the stored endpoint's setting. */
export interface RequestVerifyInput {
  scheme?: string;
  custom?: CustomSchemeConfig;
  secret?: string;
  tolerance_seconds?: number;
  now?: number;
  url?: string;
  /** The request method (HubSpot signs it); default the capture's own. */
  method?: string;
}

/** One entry of GET /api/snippets?scheme=<id>. */
export interface VerificationSnippet {
  language: 'javascript' | 'python' | 'go' | 'java';
  framework: string;
  code: string;
}

// ---- Compose, send, replay, forward, export ----

/** One entry of GET /api/event-types. */
export interface EventTypeInfo {
  type: string;
  category: string;
  description: string;
  /** A fresh example payload (new ids and timestamps on every request). */
  template: EventPayload;
  /** JSON Schema (draft-07) of the payload's `data`. */
  schema: JsonSchema;
}

/**
 * How to sign an outgoing request. The timestamp is now by default; `timestamp` fixes it (unix
 * seconds) and `timestamp_offset_seconds` shifts it from now (-600: ten minutes in the past) to
 * test a receiver's tolerance. Give at most one of the two.
 */
export interface SendSignInput {
  scheme: string;
  secret: string;
  timestamp?: number;
  timestamp_offset_seconds?: number;
  /** Message id for schemes that sign one (Standard Webhooks); random by default, kept by resends. */
  id?: string;
  /** The configuration for `scheme: "custom"` (as on a custom endpoint). */
  custom?: CustomSchemeConfig;
}

/**
 * Body of POST /api/send. The body is one of: `body` (text, sent as UTF-8), `body_base64`
 * (exact bytes), or `event` + `data` (sent as `JSON.stringify({event, data})`; `event` alone
 * uses the catalog's template). Headers go out in the given order and case; Host defaults to
 * the URL's, Content-Length and Connection are set by the engine, Content-Type defaults to
 * application/json for event payloads, User-Agent to `Hookscope/<version>`.
 */
export interface SendInput {
  url: string;
  /** Default POST. */
  method?: string;
  headers?: Array<[string, string]> | Record<string, string>;
  body?: string;
  body_base64?: string;
  event?: string;
  data?: unknown;
  sign?: SendSignInput;
  /** Default 10000, at most 300000. */
  timeout_ms?: number;
}

export type SentSource = 'send' | 'replay' | 'resend';
export type ReplayMode = 'as-is' | 'resign' | 'edited';

/** One outgoing request and its outcome: the data of /api/send, replay, resend and GET /api/sent/:id. */
export interface SentRequest {
  id: number;
  created_at: string;
  source: SentSource;
  /** The capture a replay came from. */
  source_request_id: number | null;
  /** The sent request a resend repeated. */
  source_sent_id: number | null;
  replay_mode: ReplayMode | null;
  /** The body's `event` field, when it is a JSON event. */
  event: string | null;
  /** How it was signed; null when it went out unsigned (or, for as-is replays, with its old signature). */
  signature: { scheme: string; timestamp: number } | null;
  /** Exactly what went on the wire: header pairs in order and case (Host, Content-Length, Connection included). */
  request: { url: string; method: string; headers: Array<[string, string]>; body_base64: string };
  response: { status: number; headers: Array<[string, string]>; body_base64: string; truncated: boolean } | null;
  error: OutboundError | null;
  duration_ms: number;
}

/** One entry of GET /api/sent (no bodies) and of the `sent` live event. */
export interface SentSummary {
  id: number;
  created_at: string;
  source: SentSource;
  source_request_id: number | null;
  source_sent_id: number | null;
  replay_mode: ReplayMode | null;
  method: string;
  url: string;
  event: string | null;
  body_size: number;
  signature: { scheme: string; timestamp: number } | null;
  status: number | null;
  error_code: OutboundErrorCode | null;
  duration_ms: number;
}

export interface SentPage {
  data: SentSummary[];
  next_before: number | null;
}

/**
 * Body of POST /api/requests/:id/replay. `url` defaults to the app's own receiver at the
 * capture's path and query. `resign` and `edited` sign with `scheme`/`secret` when given, else
 * with the capture's endpoint's; `edited` requires `body_base64`.
 */
export interface ReplayInput {
  url?: string;
  mode: ReplayMode;
  body_base64?: string;
  secret?: string;
  scheme?: string;
  timeout_ms?: number;
}

/** Body of POST /api/sent/:id/resend (all optional). */
export interface ResendInput {
  timeout_ms?: number;
}

/** Data of GET /api/requests/:id/curl. */
export interface CurlCommand {
  command: string;
}

/** Data of POST /api/requests/import. */
export interface ImportResult {
  imported: number;
  ids: number[];
}

/** The document of GET /api/requests/export.json. */
export interface CaptureExport {
  hookscope_export: 1;
  exported_at: string;
  requests: CapturedRequest[];
}

/** Data of POST /api/requests/:id/sns-confirm: what AWS answered when its SubscribeURL was visited. */
export interface SnsConfirmResult {
  subscribe_url: string;
  status: number;
  /** The answer's body as text, at most 64 kB (AWS answers a small XML document). */
  body: string;
  /** The SubscriptionArn AWS confirmed, read from its answer; null when it has none. */
  subscription_arn: string | null;
}
