import type { SendInput, SendSignInput } from '../../../shared/api';
import { eventTemplate } from '../../../shared/event-catalog';
import { decodeBase64Field } from '../control/base64';
import { invalid } from '../control/errors';
import type { SendRecipe, StoredSign } from '../store/sent-repo';
import { hasHeader, type HeaderPairs } from '../../../shared/http-headers';
import { headerPairsOf } from './framing';
import { DEFAULT_SEND_TIMEOUT_MS, messageIdFor, signingScheme } from './send-service';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An absolute http(s) URL, or a 400 that names the field. */
export function checkHttpUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${field} must be an absolute http:// or https:// URL; got ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`${field} must use http:// or https://; got ${JSON.stringify(url.protocol)}.`);
  }
  return url;
}

/** Header names must be tokens and values single-line: node would refuse them mid-send otherwise. */
export function checkHeaders(headers: HeaderPairs, field: string): void {
  headers.forEach(([name, value], index) => {
    const where = `${field}[${index}]`;
    if (typeof name !== 'string' || !TOKEN.test(name))
      throw invalid(`${where} has an invalid header name ${JSON.stringify(name)}; use letters, digits and -.`);
    if (typeof value !== 'string') throw invalid(`${where} ("${name}") must have a string value.`);
    if (/[\r\n\0]/.test(value)) throw invalid(`${where} ("${name}") must not contain line breaks or NUL characters.`);
  });
}

function storedSign(sign: SendSignInput, field: string): StoredSign {
  const scheme = signingScheme(sign, field);
  if (sign.timestamp !== undefined && sign.timestamp_offset_seconds !== undefined) {
    throw invalid(`${field} has both "timestamp" and "timestamp_offset_seconds"; give a fixed timestamp or an offset from now, not both.`);
  }
  return {
    scheme: scheme.id,
    secret: sign.secret,
    timestamp: sign.timestamp !== undefined ? { fixed: sign.timestamp } : { offset: sign.timestamp_offset_seconds ?? 0 },
    // Fixed here, in the stored recipe, so a resend repeats the same message id.
    id: messageIdFor(scheme, sign.id),
    ...(sign.custom ? { custom: sign.custom } : {}),
    replaceHeaders: scheme.headerNames,
  };
}

/** The body of a send: exactly one of body, body_base64 or event (+ data); none means empty. */
function bodyOf(input: SendInput): { body: Buffer; isEvent: boolean } {
  const given = [
    input.body !== undefined && 'body',
    input.body_base64 !== undefined && 'body_base64',
    (input.event !== undefined || input.data !== undefined) && 'event/data',
  ].filter(Boolean);
  if (given.length > 1) throw invalid(`body has ${given.join(' and ')}; give only one of body, body_base64, or event with data.`);
  if (input.body !== undefined) return { body: Buffer.from(input.body, 'utf8'), isEvent: false };
  if (input.body_base64 !== undefined) return { body: decodeBase64Field(input.body_base64, 'body.body_base64'), isEvent: false };
  if (input.data !== undefined && input.event === undefined)
    throw invalid('body.data needs body.event: the payload is {"event": ..., "data": ...}.');
  if (input.event !== undefined) {
    // Without data, the catalog's template fills it in (fresh ids and timestamps).
    const data = input.data !== undefined ? input.data : eventTemplate(input.event)?.data;
    if (data === undefined)
      throw invalid(
        `body.event "${input.event}" is not in the catalog, so it needs body.data; GET /api/event-types lists the known types.`,
      );
    return { body: Buffer.from(JSON.stringify({ event: input.event, data }), 'utf8'), isEvent: true };
  }
  return { body: Buffer.alloc(0), isEvent: false };
}

/** Turns a POST /api/send body into what executeSend runs; every error names the field to change. */
export function recipeFromSendInput(input: SendInput, version: string): { recipe: SendRecipe; body: Buffer } {
  checkHttpUrl(input.url, 'body.url');
  const headers = headerPairsOf(input.headers, 'body.headers');
  checkHeaders(headers, 'body.headers');
  const { body, isEvent } = bodyOf(input);
  if (isEvent && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
  if (!hasHeader(headers, 'user-agent')) headers.push(['User-Agent', `Hookscope/${version}`]);
  return {
    recipe: {
      url: input.url,
      method: input.method ?? 'POST',
      headers,
      sign: input.sign ? storedSign(input.sign, 'body.sign') : null,
      timeoutMs: input.timeout_ms ?? DEFAULT_SEND_TIMEOUT_MS,
    },
    body,
  };
}
