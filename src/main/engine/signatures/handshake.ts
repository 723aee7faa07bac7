/**
 * Handshakes: requests a provider sends to check an endpoint before (or instead of) delivering
 * events (Slack's url_verification, Zoom's endpoint.url_validation, Meta's hub.challenge, ...).
 * A scheme definition owns its handshake; the receiver answers it when the endpoint allows
 * (receiver/handshakes.ts).
 */
import type { HeaderPairs } from '../../../shared/http-headers';

export interface HandshakeRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** The raw query string, without `?` ('' when none). */
  query: string;
  headers: HeaderPairs;
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
  /**
   * The answer, or null when the request must not be answered as a handshake (Discord's PING
   * that does not verify): it then gets the endpoint's usual answer. A refusal the provider
   * expects (Meta's 403 for a wrong verify token) is an answer.
   */
  answer(request: HandshakeRequest, context: HandshakeContext): HandshakeAnswer | null;
}

/** One query parameter's value (the first), decoded; null when absent. */
export function queryParam(query: string, name: string): string | null {
  if (query === '' || !query.includes(name)) return null;
  return new URLSearchParams(query).get(name);
}

/**
 * The JSON object body when its raw text holds `marker` (a cheap test first: the receiver runs
 * `matches` on every request of the endpoint), else null.
 */
export function jsonBodyWith(body: Buffer, marker: string): Record<string, unknown> | null {
  if (body.length === 0 || body.length > 64 * 1024 || !body.includes(marker)) return null;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Echoed challenges are caller-chosen text: never let a browser sniff them into HTML. */
const NOSNIFF = { 'x-content-type-options': 'nosniff' };

export const textAnswer = (body: string, headers: Record<string, string> = {}): HandshakeAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...NOSNIFF, ...headers },
  body,
});

export const jsonAnswer = (value: unknown): HandshakeAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...NOSNIFF },
  body: JSON.stringify(value),
});

/** A handshake refused, with the reason in the body (shown in the capture's Handshake section). */
export const refusal = (status: number, message: string): HandshakeAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...NOSNIFF },
  body: JSON.stringify({ error: message }),
});
