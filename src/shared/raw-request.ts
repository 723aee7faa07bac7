/** What a pasted HTTP request (or just its headers) contains. */
import type { HeaderPair, HeaderPairs } from './http-headers';
export interface ParsedRawRequest {
  method: string | null;
  /** The request target from the request line, e.g. `/webhooks?x=1`; null when there was none. */
  target: string | null;
  headers: HeaderPairs;
  /** Everything after the first blank line, exactly; null when the text had no blank line. */
  body: string | null;
}

export type ParseResult = { ok: true; request: ParsedRawRequest } | { ok: false; message: string };

const REQUEST_LINE = /^([A-Z]+) (\S+)(?: HTTP\/\d(?:\.\d)?)?$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses text pasted into the Lab: an optional request line (`POST /path HTTP/1.1`), header lines
 * (`Name: value`), then optionally a blank line and the body. The body is kept byte for byte (no
 * trimming): a trailing newline is exactly the kind of difference the Lab must show.
 */
export function parseRawRequest(text: string): ParseResult {
  const separator = /\r?\n\r?\n/.exec(text);
  const head = separator ? text.slice(0, separator.index) : text.replace(/\r?\n$/, '');
  const body = separator ? text.slice(separator.index + separator[0].length) : null;

  let method: string | null = null;
  let target: string | null = null;
  const headers: HeaderPair[] = [];
  const lines = head === '' ? [] : head.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const requestLine = index === 0 ? REQUEST_LINE.exec(line) : null;
    if (requestLine) {
      method = requestLine[1] ?? null;
      target = requestLine[2] ?? null;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!HEADER_NAME.test(name)) {
      return {
        ok: false,
        message: `Line ${index + 1} is not a header ("Name: value"): ${JSON.stringify(line.slice(0, 60))}. Put a blank line between the headers and the body.`,
      };
    }
    // Optional whitespace around the value is not part of it (RFC 9110 §5.5).
    headers.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { ok: true, request: { method, target, headers, body } };
}
