/** Case-insensitive lookup of the first value of a header among raw pairs. */
export function findHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of headers) {
    if (key.toLowerCase() === wanted) return value;
  }
  return null;
}

/** Every value of a header, in order: a duplicated signature header must not hide a signature. */
export function findHeaders(headers: ReadonlyArray<readonly [string, string]>, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}
