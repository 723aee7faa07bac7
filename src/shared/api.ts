/**
 * The control API contract, shared by the engine (src/main/engine), the renderer and the tests.
 * Every response body is `{ data: ... }`; every error is `{ error: { code, message } }`.
 */
import type { EventConformance } from './event-catalog';

export type { EventConformance, SchemaIssue } from './event-catalog';

import type { DeliverySummary } from './platform-api';
import type { StorageProblem } from './contract/health';

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
import type { Verdict, Verification, VerificationReason } from './contract/verification';
import type { ForwardOutcome } from './contract/outbound-error';
export type {
  RequestVerifyInput,
  SignatureKeyPair,
  SignatureSignInput,
  SignatureSignResult,
  SignatureVerifyInput,
  VerificationSnippet,
} from './contract/signatures';
export type { EventTypeInfo } from './contract/event-types';
export type {
  ReplayInput,
  ReplayMode,
  ResendInput,
  SendInput,
  SendSignInput,
  SentPage,
  SentRequest,
  SentSource,
  SentSummary,
} from './contract/outbound';
import type { SentSummary } from './contract/outbound';

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

// ---- Tunnels: the public URL senders call ----

export type TunnelProvider = 'ngrok' | 'cloudflared' | 'tailscale';
/** The providers Hookscope can start itself (POST /api/tunnels). */
export type ManagedTunnelProvider = 'ngrok' | 'cloudflared';

/** Whether the receiver answers through the tunnel's public URL (a self-check request, never captured). */
export interface ListenerHealth {
  /** `unchecked` until the first check, and while the tunnel is not online or points elsewhere. */
  status: 'ok' | 'unreachable' | 'unchecked';
  /** Why it is unreachable (the error, or what answered instead of this receiver). */
  error: string | null;
  checked_at: string | null;
}

/** One tunnel, detected (ngrok agent API, cloudflared metrics, Tailscale Funnel) or started by Hookscope. */
export interface Tunnel {
  provider: TunnelProvider;
  /** The URL senders call; null while a managed tunnel is starting. */
  public_url: string | null;
  /** Where the tunnel forwards to, as the provider reports it; null when it does not say (cloudflared's metrics). */
  target_url: string | null;
  status: 'online' | 'offline' | 'starting' | 'error';
  /**
   * The tunnel forwards to this receiver: its target is the receiver's port on a loopback address
   * or on the receiver's bind address. False when the target is unknown (cloudflared's metrics).
   */
  points_here: boolean;
  /** Started by Hookscope (POST /api/tunnels): it can be stopped here and stops when Hookscope quits. */
  managed: boolean;
  /** Why it is offline or in error (with the process's last output lines for a managed tunnel). */
  error: string | null;
  /** A managed tunnel's last output lines (stdout and stderr), oldest first; [] for detected ones. */
  output: string[];
  /**
   * The public URL this provider had before (last session or earlier in this one) when it changed:
   * a quick tunnel gets a new URL at every start, and providers still call the old one.
   */
  previous_public_url: string | null;
  listener: ListenerHealth;
}

/** The `install` field of a 424 `tunnel_unavailable` error: how to get the binary on this OS. */
export interface TunnelInstallHelp {
  provider: ManagedTunnelProvider;
  /** The OS the instructions are for (process.platform). */
  platform: string;
  /** A command to run, when a package manager has it; null otherwise. */
  command: string | null;
  /** Where to download it. */
  url: string;
  /** The environment variable naming the binary's path, for an install outside PATH. */
  env_var: string;
}

export const DEFAULT_RECEIVER_PORT = 4700;
export const DEFAULT_UI_PORT = 4701;
export const DEFAULT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** How long a forwarding target may take by default; senders usually give up after 10 to 30 s. */
/** The catch-all endpoint always exists; it can be edited but neither deleted nor moved. */

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
