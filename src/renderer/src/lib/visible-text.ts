/** A run of the signed content, either shown as-is or as a marker for an invisible character. */
export interface VisibleSegment {
  text: string;
  special: boolean;
  /** True when a line break follows the marker, so line structure is kept. */
  lineBreak?: boolean;
}

/** Decodes one UTF-8 sequence at `index`: its code point and length, or null when invalid. */
function decodeAt(bytes: Uint8Array, index: number): { codePoint: number; length: number } | null {
  const first = bytes[index] ?? 0;
  const length = first < 0x80 ? 1 : first >> 5 === 0b110 ? 2 : first >> 4 === 0b1110 ? 3 : first >> 3 === 0b11110 ? 4 : 0;
  if (length === 0 || index + length > bytes.length) return null;
  let codePoint = length === 1 ? first : first & (0xff >> (length + 1));
  for (let k = 1; k < length; k += 1) {
    const next = bytes[index + k] ?? 0;
    if (next >> 6 !== 0b10) return null;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const minimum = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
  if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  return { codePoint, length };
}

function unicodeEscape(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase();
  return codePoint > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * Renders bytes so that everything that can break a signature is visible: CR, LF, tabs, a BOM,
 * trailing spaces, other control characters, any non-ASCII character (as \uXXXX) and bytes that
 * are not valid UTF-8 (as \xNN). Only the first `maxBytes` are rendered.
 */
export function toVisibleSegments(bytes: Uint8Array, maxBytes: number): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  let plain = '';
  const flushPlain = () => {
    if (plain !== '') segments.push({ text: plain, special: false });
    plain = '';
  };
  const pushSpecial = (text: string, lineBreak = false) => {
    flushPlain();
    segments.push({ text, special: true, lineBreak });
  };

  const limit = Math.min(bytes.length, maxBytes);
  let i = 0;
  while (i < limit) {
    const decoded = decodeAt(bytes, i);
    if (decoded === null) {
      pushSpecial(`\\x${(bytes[i] ?? 0).toString(16).padStart(2, '0').toUpperCase()}`);
      i += 1;
      continue;
    }
    const { codePoint, length } = decoded;
    i += length;
    if (codePoint === 0x0a) pushSpecial('\\n', true);
    else if (codePoint === 0x0d) pushSpecial('\\r', bytes[i] !== 0x0a);
    else if (codePoint === 0x09) pushSpecial('\\t');
    else if (codePoint === 0xfeff) pushSpecial('\\uFEFF (BOM)');
    else if (codePoint === 0x20) {
      // A space is "trailing" when only spaces follow it up to a line end or the end of content.
      // Look past the rendering limit: a line cut by the limit does not end there.
      let j = i;
      while (j < bytes.length && bytes[j] === 0x20) j += 1;
      const atLineEnd = j >= bytes.length || bytes[j] === 0x0a || bytes[j] === 0x0d;
      if (atLineEnd) {
        const end = Math.min(j, limit);
        pushSpecial('·'.repeat(end - i + 1));
        i = end;
      } else {
        plain += ' ';
      }
    } else if (codePoint < 0x20 || codePoint === 0x7f) pushSpecial(unicodeEscape(codePoint));
    else if (codePoint > 0x7e) pushSpecial(unicodeEscape(codePoint));
    else plain += String.fromCharCode(codePoint);
  }
  flushPlain();
  return segments;
}
