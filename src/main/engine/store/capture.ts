import type { CapturedResponse, ForwardedInfo, ForwardOutcome, Verification } from '../../../shared/api';
import type { HeaderPairs } from '../../../shared/http-headers';

/** A capture as the receiver hands it to the store, before it has an id. */
export interface NewCapture {
  receivedAt: number;
  method: string;
  path: string;
  query: string;
  url: string;
  httpVersion: string;
  headers: HeaderPairs;
  contentType: string | null;
  body: Buffer;
  /** Bytes the sender sent; larger than body.length when truncated. */
  bodySize: number;
  truncated: boolean;
  /** The sender closed the connection before the body was complete (body holds what arrived). */
  aborted?: boolean;
  remoteAddress: string | null;
  remotePort: number | null;
  forwarded: ForwardedInfo;
  endpointId: string | null;
  event: string | null;
  verification: Verification;
  response: CapturedResponse;
  timing: { body_ms: number; total_ms: number };
  /** The sender's delivery id header (X-DcisionAI-Delivery, webhook-id, svix-id, X-GitHub-Delivery), if any. */
  deliveryId?: string | null;
  /** Filled in by RequestsRepo when it inserts the capture: the earliest capture with the same deliveryId. */
  duplicateOf?: number | null;
  /** Set when the endpoint forwarded the request. */
  forward?: ForwardOutcome | null;
  /** True when the capture came from a HAR import rather than the receiver. */
  imported?: boolean;
  /** True when `response` is the HTTP parser's answer, not the endpoint's. */
  responseByParser?: boolean;
  /** The handshake the receiver answered with `response` (e.g. `Slack url_verification`). */
  handshake?: string | null;
}
