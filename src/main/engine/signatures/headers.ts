/**
 * A field value without the whitespace around it (RFC 9110 5.5: leading and trailing SP/HTAB are
 * not part of the value). Node's parser trims on a socket, but Lab input, HAR files, raw request
 * files and stored captures reach verification untrimmed; CR/LF go too (a pasted value's newline).
 */
export function fieldValue(value: string): string {
  const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
  // Most values have nothing to trim: two char checks, no allocation.
  if (value.length === 0 || (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Case-insensitive lookup of the first value of a header among raw pairs, trimmed (fieldValue). */
export function findHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | null {
  const wanted = name.toLowerCase();
  // Lengths first: this runs several times per received request, and most names differ in length.
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) return fieldValue(value);
  }
  return null;
}

/** Every value of a header, in order and trimmed: a duplicated signature header must not hide a signature. */
export function findHeaders(headers: ReadonlyArray<readonly [string, string]>, name: string): string[] {
  return findRawHeaders(headers, name).map(fieldValue);
}

/** Every value of a header exactly as it arrived, whitespace included: what the verdict shows as received. */
export function findRawHeaders(headers: ReadonlyArray<readonly [string, string]>, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) values.push(value);
  }
  return values;
}
