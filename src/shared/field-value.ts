/**
 * A header field value without the whitespace around it (RFC 9110 5.5: leading and trailing SP
 * and HTAB are not part of the value). Node's parser trims on a socket, but Lab input, HAR files,
 * raw request files and stored captures arrive as written; CR/LF go too (a pasted value's newline).
 * Shared: the engine verifies the trimmed value and the UI compares signatures the same way.
 */
export function fieldValue(value: string): string {
  const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
  // Most values have nothing to trim: two char checks, no allocation.
  if (value.length === 0 || (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
