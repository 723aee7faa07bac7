/**
 * The control API contract, shared by the engine (src/main/engine), the renderer and the tests.
 * Every response body is `{ data: ... }`; every error is `{ error: { code, message } }`.
 */

export type Verdict = 'valid' | 'invalid' | 'unverifiable';

/** Why a verification ended where it did: `ok` when valid, else the first failing check. */
export type VerificationReason =
  | 'ok'
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_malformed'
  | 'timestamp_expired'
  | 'timestamp_future'
  | 'signature_mismatch'
  | 'no_secret';

export interface DiagnosisItem {
  code: string;
  message: string;
}

export interface Verification {
  scheme: string;
  verdict: Verdict;
  reason: VerificationReason;
  signature: { received: string | null; expected: string | null };
  timestamp: { value: number | null; age_seconds: number | null };
  tolerance_seconds: number;
  /** The exact bytes that were (or would be) signed, base64; null when they cannot be built. */
  signed_content_base64: string | null;
  diagnosis: DiagnosisItem[];
}

export interface EndpointResponseConfig {
  status: number;
  headers: Record<string, string>;
  body: string;
  delay_ms: number;
}

export interface Endpoint {
  id: string;
  name: string;
  /** Path prefix, starting with '/'. The longest matching prefix (on a segment boundary) wins. */
  path: string;
  scheme: string;
  secret: string;
  tolerance_seconds: number;
  enforce: boolean;
  response: EndpointResponseConfig;
  created_at: string;
  updated_at: string;
}

/** Body of POST /api/endpoints and PUT /api/endpoints/:id (PUT may omit any field). */
export interface EndpointInput {
  name?: string;
  path?: string;
  scheme?: string;
  secret?: string;
  tolerance_seconds?: number;
  enforce?: boolean;
  response?: Partial<EndpointResponseConfig>;
}

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
  content_type: string | null;
  event: string | null;
  endpoint_id: string | null;
  response_status: number;
  verification: { verdict: Verdict; reason: VerificationReason; scheme: string };
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RequestDetail {
  id: number;
  received_at: string;
  method: string;
  path: string;
  /** The raw query string without the leading '?', '' when there is none. */
  query: string;
  url: string;
  http_version: string;
  /** Header pairs exactly as received: original order, original case, duplicates kept. */
  headers: Array<[string, string]>;
  body_base64: string;
  body_size: number;
  truncated: boolean;
  remote_address: string | null;
  remote_port: number | null;
  forwarded: ForwardedInfo;
  endpoint_id: string | null;
  event: string | null;
  verification: Verification;
  response: CapturedResponse;
  timing: { body_ms: number; total_ms: number };
}

export interface RequestPage {
  data: RequestSummary[];
  next_before: number | null;
}

export interface Health {
  status: 'ok';
  version: string;
  receiver_url: string;
  ui_url: string;
  data_dir: string;
  body_limit_bytes: number;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** Server-sent events on GET /api/stream; each `data:` line is one JSON LiveEvent. */
export type LiveEvent =
  | { type: 'captures'; data: RequestSummary[] }
  | { type: 'request-deleted'; data: { id: number } }
  | { type: 'requests-cleared'; data: Record<string, never> }
  | { type: 'requests-reverified'; data: { endpoint_id: string; count: number } }
  | { type: 'endpoints-changed'; data: Record<string, never> };

export const DEFAULT_RECEIVER_PORT = 4700;
export const DEFAULT_UI_PORT = 4701;
export const DEFAULT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** The catch-all endpoint always exists; it can be edited but neither deleted nor moved. */
export const CATCH_ALL_ENDPOINT_ID = 'ep_default';
