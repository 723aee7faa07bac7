import type { ForwardedInfo } from '../../../shared/api';
import { findHeader } from '../signatures/headers';
import type { HeaderPair, HeaderPairs } from '../../../shared/http-headers';

/** Pairs [name, value] from Node's flat rawHeaders: original order and case, duplicates kept. */
export function pairRawHeaders(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([raw[index] as string, raw[index + 1] as string]);
  }
  return pairs;
}

/** What replaces Hookscope's own control token wherever a sender put it in a header. */
export const TOKEN_REDACTED = '[Hookscope control token removed]';

/**
 * The headers with Hookscope's control token taken out of every value that holds it (a browser
 * or script may send it to the receiver by mistake): it must never be stored, shown, exported
 * or forwarded. Nothing else changes, and the common case allocates nothing.
 */
export function withoutControlToken(headers: HeaderPairs, token: string): HeaderPairs {
  if (!headers.some(([, value]) => value.includes(token))) return headers;
  return headers.map(([name, value]) => [name, value.split(token).join(TOKEN_REDACTED)]);
}

/** What a tunnel (cloudflared, ngrok) or proxy says about the original client and URL. */
export function forwardedInfo(headers: HeaderPairs): ForwardedInfo {
  return {
    for: findHeader(headers, 'x-forwarded-for'),
    proto: findHeader(headers, 'x-forwarded-proto'),
    host: findHeader(headers, 'x-forwarded-host'),
  };
}

/** Bodies up to this size are parsed in full when their `event` does not come first. */
const EVENT_PARSE_LIMIT = 256 * 1024;
/**
 * `event` as the first member, as in every DcisionAI payload: read straight from the first bytes,
 * so the receiver's hot path does not parse the body (a full parse costs about half an HMAC).
 */
const LEADING_EVENT = /^\s*\{\s*"event"\s*:\s*"((?:[^"\\]|\\.){1,200})"/;

function leadingEvent(json: Buffer): string | null {
  const match = LEADING_EVENT.exec(json.subarray(0, 1024).toString('utf8'));
  if (!match) return null;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return null;
  }
}

/** The body without a leading UTF-8 BOM, when it may be JSON (by its type or its first byte). */
function jsonCandidate(body: Buffer, contentType: string | null): Buffer | null {
  if (body.length === 0) return null;
  const hasBom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  const json = hasBom ? body.subarray(3) : body; // tolerate a UTF-8 BOM
  return (contentType ?? '').includes('json') || json[0] === 0x7b ? json : null;
}

function parseObject(json: Buffer): Record<string, unknown> | null {
  if (json.length > EVENT_PARSE_LIMIT) return null;
  try {
    const parsed: unknown = JSON.parse(json.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    // Not JSON: no event type, which is fine for a generic capture.
    return null;
  }
}

/** A JSON object body (up to 256 kB), or null for anything else. */
export function jsonObjectOf(body: Buffer, contentType: string | null): Record<string, unknown> | null {
  const json = jsonCandidate(body, contentType);
  return json === null ? null : parseObject(json);
}

/** A string as an event type: at most 200 characters; anything else is no event type. */
export function eventText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 200) : null;
}

/** The `event` field of a JSON body, when the body is a JSON object that has a string one. */
export function eventOf(body: Buffer, contentType: string | null): string | null {
  const json = jsonCandidate(body, contentType);
  if (json === null) return null;
  const leading = leadingEvent(json);
  if (leading !== null) return leading;
  const parsed = parseObject(json);
  return parsed === null ? null : eventText(parsed.event);
}

/** Splits a request target into path and raw query string (without '?'). */
export function splitTarget(target: string): { path: string; query: string } {
  // An absolute-form target (`POST http://example.com/hooks/x HTTP/1.1`, as proxies send) names
  // the path after its authority; the whole target stays the capture's URL.
  const origin = ABSOLUTE_FORM.exec(target)?.[0];
  const local = origin === undefined ? target : target.slice(origin.length) || '/';
  const mark = local.indexOf('?');
  return mark === -1 ? { path: local, query: '' } : { path: local.slice(0, mark), query: local.slice(mark + 1) };
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/** The URL a capture records: an absolute-form target as sent, else the Host and the target. */
export function captureUrl(host: string, target: string): string {
  return ABSOLUTE_FORM.test(target) ? target : `http://${host}${target}`;
}
