/** Decodes base64 into the exact bytes (atob alone yields a binary string, not bytes). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The text if the bytes are valid UTF-8, else null. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Lossy decode for the Raw view: invalid sequences become U+FFFD; the BOM is kept visible. */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * Text that is valid UTF-8 may still be binary (NUL bytes, control characters): such bodies
 * read better as hex. Tab, CR and LF are ordinary text.
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) controls += 1;
  }
  return controls > sample.length / 100;
}

/** Encodes bytes as standard base64 (chunked: String.fromCharCode has an argument limit). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}
