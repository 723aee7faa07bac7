import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OutboundErrorCode } from '../../../shared/api';
import { pairRawHeaders } from '../receiver/capture-metadata';
import type { HeaderPairs } from '../../../shared/http-headers';

export interface OutboundRequest {
  url: string;
  method: string;
  /** Sent in this order and case; duplicates allowed. */
  headers: HeaderPairs;
  body: Buffer;
  timeoutMs: number;
  /** Bytes of the response body kept; the rest is counted and dropped. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: HeaderPairs;
  body: Buffer;
  truncated: boolean;
}

// The failure codes are part of the API contract (send results, delivery attempts).
export type { OutboundErrorCode } from '../../../shared/api';

export interface OutboundResult {
  response: OutboundResponse | null;
  error: { code: OutboundErrorCode; message: string } | null;
  durationMs: number;
}

const DEFAULT_MAX_RESPONSE = 1024 * 1024;

/** Turns a socket-level failure into words a user can act on. */
export function describeNetworkError(
  error: NodeJS.ErrnoException,
  url: URL,
  timeoutMs: number,
): { code: OutboundErrorCode; message: string } {
  const target = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'dns', message: `DNS lookup failed for "${url.hostname}": check the host name, or your network/DNS.` };
    case 'ECONNREFUSED':
      return {
        code: 'connection_refused',
        message: `Connection refused by ${target}: nothing is listening there. Is your server running on that port?`,
      };
    case 'ETIMEDOUT':
    case 'HOOKSCOPE_TIMEOUT':
      return {
        code: 'timeout',
        message: `No response from ${target} within ${timeoutMs} ms: the server is slow or hung; raise the timeout or check the handler.`,
      };
    case 'ECONNRESET':
    case 'EPIPE':
      return {
        code: 'connection_reset',
        message: `The connection to ${target} was reset before a full response arrived: the server crashed or closed the socket.`,
      };
    default:
      if (/SSL|TLS|CERT|certificate|self.signed|wrong version number/i.test(`${error.code ?? ''} ${error.message}`)) {
        return {
          code: 'tls',
          message: `TLS handshake with ${target} failed (${error.code ?? error.message}): check the certificate, or use http:// for a plain-HTTP server.`,
        };
      }
      return { code: 'network', message: `Request to ${target} failed: ${error.code ?? ''} ${error.message}`.trim() };
  }
}

/**
 * Sends exactly the given bytes and headers (node:http rather than fetch, which would add,
 * reorder or normalize headers) and never throws: every failure comes back as an error code
 * with a message a user can act on.
 */
export function sendOutbound(request: OutboundRequest): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
  let url: URL;
  try {
    url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    return Promise.resolve({
      response: null,
      error: { code: 'invalid_url', message: `"${request.url}" is not an http(s) URL.` },
      durationMs: 0,
    });
  }
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const flatHeaders: string[] = [];
  // Raw (array) headers switch off node's automatic Host header, so add it first, as curl does.
  if (!request.headers.some(([name]) => name.toLowerCase() === 'host')) flatHeaders.push('Host', url.host);
  flatHeaders.push(...request.headers.flat());
  const hasLength = request.headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (!hasLength && request.body.length > 0) flatHeaders.push('Content-Length', String(request.body.length));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<OutboundResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = send(url, { method: request.method, headers: flatHeaders as unknown as Record<string, string> }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (kept >= maxBytes) {
          truncated = true;
          return;
        }
        const part = chunk.subarray(0, maxBytes - kept);
        if (part.length < chunk.length) truncated = true;
        chunks.push(part);
        kept += part.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        finish({
          response: { status: res.statusCode ?? 0, headers: pairRawHeaders(res.rawHeaders), body: Buffer.concat(chunks), truncated },
          error: null,
        });
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        finish({ response: null, error: describeNetworkError(error, url, request.timeoutMs) });
      });
    });
    const timer = setTimeout(() => {
      const error: NodeJS.ErrnoException = new Error('timeout');
      error.code = 'HOOKSCOPE_TIMEOUT';
      finish({ response: null, error: describeNetworkError(error, url, request.timeoutMs) });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      finish({ response: null, error: describeNetworkError(error, url, request.timeoutMs) });
    });
    req.end(request.body);
  });
}
