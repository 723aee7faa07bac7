import { decodeUtf8Strict } from './bytes';
import { shellQuote } from './sample-command';

export interface CurlInput {
  url: string;
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
}

/** Headers curl sets itself from the URL and body; copying a captured value would be wrong. */
const MANAGED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect', 'te', 'upgrade', 'proxy-connection']);

/**
 * Linux limits one exec argument to 128 KiB (MAX_ARG_STRLEN); bigger bodies go through the
 * shell's builtin printf and a pipe, which has no such limit.
 */
const MAX_INLINE_BODY_BYTES = 64 * 1024;

/** Printable text a terminal pastes back unchanged: no tabs, CRs, controls, BOM, zero-width or bidi marks. */
const SAFE_CHAR = /^(?:[\x20-\x7e\n]|[\p{L}\p{M}\p{N}\p{P}\p{S}])$/u;

function isPasteSafeText(text: string): boolean {
  for (const char of text) if (!SAFE_CHAR.test(char)) return false;
  return true;
}

/**
 * A printf format that writes exactly these bytes: printable ASCII as is, `\` and `%` escaped for
 * printf, `'` spliced for the shell, everything else as a three-digit octal escape (POSIX printf
 * understands \NNN in its format in bash, zsh and dash alike, NUL included).
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

/** Headers curl adds on its own (Content-Type for any --data-binary); `Name:` removes one the inputs lack. */
const CURL_DEFAULTS = ['User-Agent', 'Accept', 'Content-Type', 'Expect'];

function headerArgument(name: string, value: string): string {
  // `-H 'Name:'` would make curl remove the header; `Name;` sends it with an empty value.
  return shellQuote(value === '' ? `${name};` : `${name}: ${value}`);
}

/**
 * A `curl --data-binary` command that sends exactly these bytes with these headers. Never `-d`,
 * which strips CR and LF. Plain text goes inline in single quotes; bodies with bytes a terminal
 * could mangle (tabs, CR, BOM, invalid UTF-8, NUL) are written by printf with escapes and piped
 * in, as are very large bodies and bodies starting with `@` (which curl would read as a file name).
 */
export function buildCurlCommand(input: CurlInput): string {
  const lines: string[] = [];
  const method = input.method.toUpperCase();
  // --globoff and --path-as-is: the URL is sent as written, never expanded or normalized.
  lines.push(`curl -sS --http1.1 --globoff --path-as-is${method === 'POST' ? '' : ` -X ${shellQuote(method)}`} ${shellQuote(input.url)}`);
  const headers = input.headers.filter(([name]) => !MANAGED_HEADERS.has(name.toLowerCase()));
  for (const [name, value] of headers) lines.push(`-H ${headerArgument(name, value)}`);
  for (const name of CURL_DEFAULTS) {
    if (!headers.some(([candidate]) => candidate.toLowerCase() === name.toLowerCase())) lines.push(`-H ${shellQuote(`${name}:`)}`);
  }

  const text = decodeUtf8Strict(input.body);
  const pasteSafe = text !== null && isPasteSafeText(text);
  let prefix = '';
  if (pasteSafe && input.body.length <= MAX_INLINE_BODY_BYTES && !text.startsWith('@')) {
    lines.push(`--data-binary ${shellQuote(text)}`);
  } else {
    prefix = pasteSafe ? `printf '%s' ${shellQuote(text)} | ` : `printf -- ${printfFormat(input.body)} | `;
    lines.push('--data-binary @-');
  }
  return prefix + lines.join(' \\\n  ');
}
