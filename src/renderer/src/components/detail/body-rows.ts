/**
 * Display rows of a body: text cut into rows at a width (never inside a character), hex rows,
 * and the stand-ins that make invisible characters visible in a row. Pure, for the body worker.
 */
import { HEX_BYTES_PER_LINE, hexLine } from '../../lib/hex-dump';
import { U32List } from '../../lib/pretty-json-bytes';

/** One display row: `line` is the 1-based line it starts (null when it continues a wrapped line). */
export interface BodyRow {
  line: number | null;
  text: string;
}

/** Text cut into display rows of at most `columns` characters: byte ranges, and the line each starts. */
export interface RowLayout {
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  /** 1-based line number of a row that starts a line; 0 for a row that continues a wrapped line. */
  line: Uint32Array;
}

/**
 * Splits UTF-8 text into lines (at LF, CRLF or a lone CR, as an editor does) and each line into
 * rows of at most `columns` characters, never inside a character's bytes.
 */
export function layoutRows(bytes: Uint8Array, columns: number, lineStarts?: Uint32Array): RowLayout {
  const width = Math.max(1, Math.floor(columns));
  const estimate = Math.ceil(bytes.length / width) + 16;
  const start = new U32List(estimate);
  const end = new U32List(estimate);
  const line = new U32List(estimate);
  const n = bytes.length;
  let nextLf = -1;
  let nextCr = -1;
  let position = 0;
  let lineNumber = 1;
  for (;;) {
    let lineEnd: number;
    if (lineStarts) {
      // LF-only text whose line starts are known (the pretty view's).
      const next = lineStarts[lineNumber];
      lineEnd = next === undefined ? n : next - 1;
    } else {
      // The next line break, found by the engine's own scan rather than byte by byte.
      if (nextLf !== n && nextLf < position) nextLf = indexOrEnd(bytes, 0x0a, position);
      if (nextCr !== n && nextCr < position) nextCr = indexOrEnd(bytes, 0x0d, position);
      lineEnd = Math.min(nextLf, nextCr);
    }
    let rowStart = position;
    let first = true;
    if (lineEnd - position > width) {
      // Longer than a row in bytes: count characters (a continuation byte is no new character).
      let characters = 0;
      for (let k = position; k < lineEnd; k += 1) {
        if (((bytes[k] as number) & 0xc0) === 0x80) continue;
        if (characters === width) {
          start.push(rowStart);
          end.push(k);
          line.push(first ? lineNumber : 0);
          first = false;
          rowStart = k;
          characters = 0;
        }
        characters += 1;
      }
    }
    start.push(rowStart);
    end.push(lineEnd);
    line.push(first ? lineNumber : 0);
    if (lineEnd >= n) break;
    position = bytes[lineEnd] === 0x0d && bytes[lineEnd + 1] === 0x0a ? lineEnd + 2 : lineEnd + 1;
    lineNumber += 1;
  }
  return { count: start.length, start: start.result(), end: end.result(), line: line.result() };
}

function indexOrEnd(bytes: Uint8Array, byte: number, from: number): number {
  const index = bytes.indexOf(byte, from);
  return index < 0 ? bytes.length : index;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The rows `from` to `from + count` (clamped) of a layout. */
export function rowsOf(bytes: Uint8Array, layout: RowLayout, from: number, count: number): BodyRow[] {
  const rows: BodyRow[] = [];
  const last = Math.min(layout.count, from + count);
  for (let row = Math.max(0, from); row < last; row += 1) {
    const line = layout.line[row] as number;
    rows.push({ line: line === 0 ? null : line, text: decoder.decode(bytes.subarray(layout.start[row], layout.end[row])) });
  }
  return rows;
}

/** Rows that are whole lines (no wrapping): line `i` runs from `starts[i]` to the next line's LF. */
export function lineRows(bytes: Uint8Array, starts: Uint32Array, from: number, count: number): BodyRow[] {
  const rows: BodyRow[] = [];
  const last = Math.min(starts.length, from + count);
  for (let line = Math.max(0, from); line < last; line += 1) {
    const next = starts[line + 1];
    rows.push({ line: line + 1, text: decoder.decode(bytes.subarray(starts[line], next === undefined ? bytes.length : next - 1)) });
  }
  return rows;
}

export function hexRowCount(size: number): number {
  return Math.ceil(size / HEX_BYTES_PER_LINE);
}

export function hexRows(bytes: Uint8Array, from: number, count: number): BodyRow[] {
  const rows: BodyRow[] = [];
  const last = Math.min(hexRowCount(bytes.length), from + count);
  for (let row = Math.max(0, from); row < last; row += 1) rows.push({ line: null, text: hexLine(bytes, row * HEX_BYTES_PER_LINE) });
  return rows;
}

// ---- Making invisible characters visible in a row ----

export interface RowSegment {
  text: string;
  /** A stand-in for a character that would not show (a control character, a BOM, a zero-width space...). */
  special: boolean;
  title?: string;
}

// Control characters are exactly what this finds.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]/g;

function standIn(char: string): RowSegment {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return { text: String.fromCharCode(0x2400 + code), special: true, title: hex };
  if (code === 0x7f) return { text: '\u2421', special: true, title: hex };
  if (code === 0xa0 || code === 0x202f || code === 0x3000)
    return { text: '\u00b7', special: true, title: `${hex} (non-breaking or wide space)` };
  return { text: `<${hex}>`, special: true, title: hex };
}

/** Splits a row into plain runs and visible stand-ins for characters that would not show (tabs stay tabs). */
export function visibleSegments(text: string): RowSegment[] {
  const segments: RowSegment[] = [];
  let last = 0;
  INVISIBLE.lastIndex = 0;
  for (let match = INVISIBLE.exec(text); match !== null; match = INVISIBLE.exec(text)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), special: false });
    segments.push(standIn(match[0]));
    last = match.index + 1;
  }
  if (last < text.length) segments.push({ text: text.slice(last), special: false });
  return segments;
}
