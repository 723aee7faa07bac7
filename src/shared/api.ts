/**
 * The control API contract, shared by the engine (src/main/engine), the renderer and the tests.
 * Every response body is `{ data: ... }`; every error is `{ error: { code, message } }`.
 */
import type { EventPayload, JsonSchema } from './event-catalog';

export type { EventConformance, SchemaIssue } from './event-catalog';

import type { CustomSchemeConfig } from './contract/custom-scheme';

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
import type { OutboundError, OutboundErrorCode } from './contract/outbound-error';
export { CONFORMANCE_MAX_BODY_BYTES, INLINE_BODY_LIMIT_BYTES, SIGNED_CONTENT_PREVIEW_BYTES } from './contract/captures';
export type {
  CapturedRequest,
  CapturedResponse,
  ClearResult,
  ForwardedInfo,
  RequestDetail,
  RequestPage,
  RequestSummary,
  RequestUpdate,
} from './contract/captures';
export type { SnsConfirmResult } from './contract/history';
export type { CaptureExport, CurlCommand, ImportResult } from './contract/export';
export type { LiveEvent } from './contract/live-events';
export type { ListenerHealth, ManagedTunnelProvider, Tunnel, TunnelInstallHelp, TunnelProvider } from './contract/tunnels';
import type { TunnelInstallHelp } from './contract/tunnels';

export interface ApiError {
  /** `install` comes with a 424 `tunnel_unavailable` (POST /api/tunnels). */
  error: { code: string; message: string; install?: TunnelInstallHelp };
}

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
