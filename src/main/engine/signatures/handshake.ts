/**
 * Handshakes: requests a provider sends to check an endpoint before (or instead of) delivering
 * events (Slack's url_verification, Zoom's endpoint.url_validation, Meta's hub.challenge, ...).
 * A scheme definition owns its handshake; the receiver answers it when the endpoint allows.
 */
import type { Headers } from './event-sources';

export interface HandshakeRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: Headers;
  body: Buffer;
}

export interface HandshakeContext {
  /** The endpoint's secret ('' when none is set). */
  secret: string;
  /** The endpoint's verify token (Meta's hub.verify_token); null when none is set. */
  verifyToken: string | null;
  /** Whether the request's signature verified (Discord answers PING only then). */
  verified: boolean;
}

export interface HandshakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Handshake {
  /** What it is, for the UI and the docs, e.g. `Slack url_verification`. */
  name: string;
  /** Whether a request is this handshake; cheap, since it runs on every request of such an endpoint. */
  matches(request: HandshakeRequest): boolean;
  /** The answer, or null when the request must not be answered (e.g. a wrong verify token). */
  answer(request: HandshakeRequest, context: HandshakeContext): HandshakeAnswer | null;
}
