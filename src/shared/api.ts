/**
 * The control API's types, for the engine (src/main/engine), the renderer and the tests. Each is
 * defined once, as a schema of the contract (src/shared/contract), which validates requests,
 * serializes answers and describes them in GET /api/openapi.json; this module re-exports the
 * types under the names the code has always imported, with the engine's default settings.
 * Every response body is `{ data: ... }`; every error is `{ error: { code, message } }`.
 */
import type { TunnelInstallHelp } from './contract/tunnels';

export type { EventConformance, SchemaIssue } from './event-catalog';
export type { CustomSchemeConfig } from './contract/custom-scheme';
export { CATCH_ALL_ENDPOINT_ID, DEFAULT_FORWARD_TIMEOUT_MS, MAX_FORWARD_TIMEOUT_MS } from './contract/endpoints';
export type { Endpoint, EndpointInput, EndpointResponseConfig } from './contract/endpoints';
export type { Health, StorageProblem } from './contract/health';
export { DEFAULT_RETENTION } from './contract/retention';
export type { HistoryUsage, RetentionSettings, RetentionState } from './contract/retention';
export type { SchemeDescriptor } from './contract/schemes';
export type { DiagnosisItem, Verdict, Verification, VerificationReason } from './contract/verification';
export type { ForwardOutcome, OutboundError, OutboundErrorCode } from './contract/outbound-error';
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

export interface ApiError {
  /** `install` comes with a 424 `tunnel_unavailable` (POST /api/tunnels). */
  error: { code: string; message: string; install?: TunnelInstallHelp };
}

export const DEFAULT_RECEIVER_PORT = 4700;
export const DEFAULT_UI_PORT = 4701;
export const DEFAULT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SECONDS = 300;
