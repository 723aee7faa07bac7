import { hasHeader, withoutHeaders, withoutHopByHop } from './framing';

/** Quotes one shell word in single quotes (the only quoting in which nothing is special). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Escapes bytes for a printf format inside single quotes: `%` and `\` doubled, the quote and
 * every control byte as a 3-digit octal escape (always 3 digits, so a following digit cannot
 * be read as part of it), valid UTF-8 text kept readable, invalid bytes as octal too.
 */
export function printfFormat(bytes: Buffer): string {
  let out = '';
  const text = bytes.toString('utf8');
  const validUtf8 = Buffer.from(text, 'utf8').equals(bytes);
  const octal = (byte: number) => `\\${byte.toString(8).padStart(3, '0')}`;
  if (!validUtf8) {
    for (const byte of bytes) out += byte >= 0x20 && byte < 0x7f ? escapeAscii(String.fromCharCode(byte)) : octal(byte);
    return out;
  }
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a) out += '\\n';
    else if (code < 0x20 || code === 0x7f) out += octal(code);
    else out += escapeAscii(char);
  }
  return out;
}

function escapeAscii(char: string): string {
  if (char === '%') return '%%';
  if (char === '\\') return '\\\\';
  if (char === "'") return '\\047';
  return char;
}

/** Headers curl adds on its own; when the capture had none of them, `-H 'Name:'` removes curl's. */
const CURL_DEFAULTS = ['User-Agent', 'Accept', 'Content-Type', 'Expect'];

/**
 * A curl command that sends the capture's exact bytes: the body is piped from bash's printf
 * builtin into `--data-binary @-` (never `-d`, which strips newlines; never an argument, which
 * hits the kernel's length limit on large bodies), headers in their original order and case,
 * HTTP/1.1, no URL globbing or path squashing. Host and Content-Length come from the URL and
 * the body; hop-by-hop headers describe a connection, so they are left out.
 */
export function curlCommand(request: { method: string; url: string; headers: ReadonlyArray<readonly [string, string]>; body: Buffer }): string {
  const headers = withoutHeaders(withoutHopByHop(request.headers), ['host', 'content-length']);
  const args: string[] = ['curl', '--http1.1', '--globoff', '--path-as-is'];
  args.push(request.method === 'HEAD' ? '--head' : `-X ${shellQuote(request.method)}`);
  args.push(shellQuote(request.url));
  for (const [name, value] of headers) {
    // `Name;` is curl's spelling of a header with an empty value (`Name:` would remove it).
    args.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  for (const name of CURL_DEFAULTS) {
    if (!hasHeader(headers, name)) args.push(`-H ${shellQuote(`${name}:`)}`);
  }
  if (request.body.length === 0) return args.join(' \\\n  ');
  args.push('--data-binary @-');
  return `printf -- '${printfFormat(request.body)}' | ${args.join(' \\\n  ')}`;
}
