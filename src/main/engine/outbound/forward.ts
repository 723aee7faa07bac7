import type { CapturedResponse, ForwardOutcome } from '../../../shared/api';
import { hasHeader, withoutHeaders, withoutHopByHop, type HeaderPairs } from '../../../shared/http-headers';
import { headerRecord, withTargetHost } from './framing';
import { sendOutbound } from './http-sender';

/**
 * The sender gets the target's whole answer (up to the body limit); the capture keeps its first
 * MiB, which the row stores twice (text and base64): a huge download must not bloat every read.
 */
const STORED_RESPONSE_BYTES = 1024 * 1024;

function storedResponse(status: number, headers: HeaderPairs, body: Buffer): CapturedResponse {
  const kept = body.subarray(0, STORED_RESPONSE_BYTES);
  return { status, headers: headerRecord(headers), body: kept.toString('utf8'), body_base64: kept.toString('base64') };
}

/**
 * The target URL for a capture: forward_to's path with the part of the request path below the
 * endpoint prefix appended, and the request's raw query string kept. Built as a string rather
 * than through URL resolution, which would drop forward_to's path or re-encode the suffix.
 */
export function forwardUrl(forwardTo: string, endpointPrefix: string, path: string, query: string): string {
  const base = new URL(forwardTo);
  const suffix = endpointPrefix === '/' ? path : path.slice(endpointPrefix.replace(/\/+$/, '').length);
  const basePath = suffix === '' ? base.pathname : base.pathname.replace(/\/+$/, '');
  const ownQuery = base.search.slice(1);
  const search = [ownQuery, query].filter((part) => part !== '').join('&');
  return `${base.origin}${basePath}${suffix}${search === '' ? '' : `?${search}`}`;
}

export interface ForwardedCapture {
  /** What the sender gets, in the target's header order and case. */
  reply: { status: number; headers: HeaderPairs; body: Buffer };
  /** What the capture stores as its response. */
  response: CapturedResponse;
  outcome: ForwardOutcome;
}

/**
 * The reply's headers: the target's, minus hop-by-hop ones (the target's chunked encoding
 * described its connection, not ours), with a Content-Length that matches the bytes we relay.
 */
function replyHeaders(method: string, response: { status: number; headers: HeaderPairs; body: Buffer; truncated: boolean }): HeaderPairs {
  const headers = withoutHopByHop(response.headers);
  const bodiless = method.toUpperCase() === 'HEAD' || response.status === 204 || response.status === 304 || response.status < 200;
  // A HEAD answer's Content-Length announces the GET body; keep it as the target sent it.
  if (bodiless) return headers;
  if (!response.truncated && hasHeader(headers, 'content-length')) return headers;
  return [...withoutHeaders(headers, ['content-length']), ['Content-Length', String(response.body.length)]];
}

/**
 * Forwards one captured request: same method, the raw body unchanged (so signatures still
 * verify at the target), hop-by-hop headers dropped, Host rewritten to the target. An
 * unreachable target becomes a 502 whose JSON body says why.
 */
export async function forwardCapture(
  request: { method: string; headers: HeaderPairs; body: Buffer; url: string },
  limits: { maxResponseBytes: number; timeoutMs: number },
): Promise<ForwardedCapture> {
  const target = new URL(request.url);
  const outgoing = withTargetHost(withoutHopByHop(request.headers), target.host);
  const result = await sendOutbound({
    url: request.url,
    method: request.method,
    headers: outgoing,
    body: request.body,
    timeoutMs: limits.timeoutMs,
    maxResponseBytes: limits.maxResponseBytes,
  });
  const duration = result.durationMs;
  if (result.response) {
    const { status, body } = result.response;
    const headers = replyHeaders(request.method, result.response);
    return {
      reply: { status, headers, body },
      response: storedResponse(status, headers, body),
      outcome: { url: request.url, status, error: null, duration_ms: duration },
    };
  }
  const error = result.error ?? { code: 'network' as const, message: 'The forwarding target gave no response.' };
  const body = Buffer.from(JSON.stringify({ error: 'forward_failed', code: error.code, message: error.message, target: request.url }));
  const headers: HeaderPairs = [
    ['content-type', 'application/json'],
    ['content-length', String(body.length)],
  ];
  return {
    reply: { status: 502, headers, body },
    response: storedResponse(502, headers, body),
    outcome: { url: request.url, status: null, error, duration_ms: duration },
  };
}
