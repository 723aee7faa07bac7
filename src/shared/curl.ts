/**
 * The one curl generator: the capture's "Copy as curl" (engine, GET /api/requests/:id/curl) and
 * the Signature Lab's signed request (renderer) both send exactly the given bytes with it.
 */
import { hasHeader, withoutHeaders, withoutHopByHop, type HeaderPairs } from './http-headers';

export interface CurlInput {
  url: string;
  method: string;
  headers: HeaderPairs;
  body: Uint8Array;
}

/** Quotes one word for POSIX shells: single quotes (in which nothing is special), embedded ones spliced in. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl sets itself from the URL and the body; copying a captured value would be wrong. */
const MANAGED_HEADERS = ['host', 'content-length', 'expect'];

/** Headers curl adds on its own (Content-Type for any --data-binary); `Name:` removes one the inputs lack. */
const CURL_DEFAULTS = ['User-Agent', 'Accept', 'Content-Type', 'Expect'];

/**
 * Linux limits one exec argument to 128 KiB (MAX_ARG_STRLEN); bigger bodies go through the
 * shell's builtin printf and a pipe, which has no such limit.
 */
const MAX_INLINE_BODY_BYTES = 64 * 1024;

/** Printable text a terminal pastes back unchanged: no tabs, CRs, controls, BOM, zero-width or bidi marks. */
const SAFE_CHAR = /^(?:[\x20-\x7e\n]|[\p{L}\p{M}\p{N}\p{P}\p{S}])$/u;

function pasteSafeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  for (const char of text) if (!SAFE_CHAR.test(char)) return null;
  return text;
}

/**
 * A printf format, quoted for the shell, that writes exactly these bytes: printable ASCII as is,
 * `\` and `%` escaped for printf, `'` spliced for the shell, everything else as a three-digit octal
 * escape (POSIX printf understands \NNN in bash, zsh and dash alike, NUL included; always three
 * digits, so a following digit is never read as part of it).
 */
export function printfFormat(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x25) out += '%%';
    else if (byte === 0x27) out += `'\\''`;
    else if (byte === 0x0a) out += '\\n';
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `'${out}'`;
}

function headerArgument(name: string, value: string): string {
  // `-H 'Name:'` would make curl remove the header; `Name;` sends it with an empty value.
  return shellQuote(value === '' ? `${name};` : `${name}: ${value}`);
}

/**
 * A `curl --data-binary` command that sends exactly these bytes with these headers, in their
 * order and case, over HTTP/1.1, the URL neither globbed nor normalized. Never `-d`, which strips
 * CR and LF. Plain text goes inline in single quotes; bodies with bytes a terminal could mangle
 * (tabs, CR, BOM, invalid UTF-8, NUL) are written by printf with escapes and piped in, as are very
 * large bodies and bodies starting with `@` (which curl would read as a file name). Hop-by-hop
 * headers describe a connection, so they are left out.
 */
export function curlCommand(input: CurlInput): string {
  const method = input.method.toUpperCase();
  const methodFlag = method === 'HEAD' ? ' --head' : method === 'POST' && input.body.length > 0 ? '' : ` -X ${shellQuote(method)}`;
  const lines = [`curl -sS --http1.1 --globoff --path-as-is${methodFlag} ${shellQuote(input.url)}`];
  const headers = withoutHeaders(withoutHopByHop(input.headers), MANAGED_HEADERS);
  for (const [name, value] of headers) lines.push(`-H ${headerArgument(name, value)}`);
  for (const name of CURL_DEFAULTS) {
    if (!hasHeader(headers, name)) lines.push(`-H ${shellQuote(`${name}:`)}`);
  }
  if (input.body.length === 0) return lines.join(' \\\n  ');

  const text = pasteSafeText(input.body);
  let prefix = '';
  if (text !== null && input.body.length <= MAX_INLINE_BODY_BYTES && !text.startsWith('@')) {
    lines.push(`--data-binary ${shellQuote(text)}`);
  } else {
    prefix = text !== null ? `printf '%s' ${shellQuote(text)} | ` : `printf -- ${printfFormat(input.body)} | `;
    lines.push('--data-binary @-');
  }
  return prefix + lines.join(' \\\n  ');
}
