/**
 * The body viewer's document model, pure and DOM-free: the body worker (body.worker.ts) runs it
 * off the main thread, and unit tests import it directly. Everything works on the exact bytes:
 * Pretty is only a view (whitespace between JSON tokens moved, every literal byte for byte), Raw
 * is the bytes decoded as UTF-8, Hex is the bytes. Large bodies are never turned into one big
 * string: the viewer asks for windows of display rows.
 */
import { base64ToBytes, bytesToBase64, decodeUtf8Lossy, looksBinary } from '../../lib/bytes';
import { HEX_BYTES_PER_LINE, hexDump, hexLine } from '../../lib/hex-dump';

export type BodyTab = 'pretty' | 'raw' | 'hex';

/** From this many stored bytes on, the body is shown in the windowed viewer instead of Monaco. */
export const WINDOWED_VIEW_MIN_BYTES = 1024 * 1024;

/**
 * Pretty lines are not wrapped (as in the editor's Pretty view) while none is longer than this;
 * past it (a long string value) they wrap at the view's width like Raw, so no row gets huge.
 */
export const MAX_UNWRAPPED_LINE = 1000;

/** What the viewer learns when a body is opened. */
export interface BodySummary {
  /** Stored bytes. */
  size: number;
  /** The bytes are valid UTF-8. */
  utf8: boolean;
  /** Invalid UTF-8, or text full of control characters: Hex is the better view, and Copy gives base64. */
  binary: boolean;
  /** The bytes are one valid JSON text (Pretty is available). */
  json: boolean;
  defaultTab: BodyTab;
}

/** How a view is cut into rows: how many, whether long lines wrap, and the widest row (characters, at most). */
export interface RowsInfo {
  rows: number;
  wrapped: boolean;
  widest: number;
}

/** One display row: `line` is the 1-based line it starts (null when it continues a wrapped line). */
export interface BodyRow {
  line: number | null;
  text: string;
}

/** What Copy puts on the clipboard: the text itself, or base64 of bytes that are not text. */
export interface CopyPayload {
  text: string;
  encoding: 'text' | 'base64';
}

// ---- UTF-8 ----

/** Whether the bytes are valid UTF-8 (what TextDecoder's fatal mode accepts), without decoding them. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return false;
    }
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

// ---- Pretty JSON, on bytes ----

/** Growable list of unsigned 32-bit numbers. */
export class U32List {
  values: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const next = new Uint32Array(Math.ceil(this.values.length * 1.5));
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = value;
  }
  result(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/** A growable byte buffer. */
class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  /** The longest line so far, in bytes (tracked with `lineStarts`). */
  widest = 0;
  constructor(
    capacity: number,
    private readonly lineStarts?: U32List,
  ) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length;
    while (this.length + extra > capacity) capacity = Math.ceil(capacity * 1.5);
    const next = new Uint8Array(capacity);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  push(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }
  copy(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    if (end - start > 64) {
      this.bytes.set(source.subarray(start, end), this.length);
      this.length += end - start;
    } else {
      // Most tokens are short: a loop beats allocating a view per token.
      const bytes = this.bytes;
      let length = this.length;
      for (let k = start; k < end; k += 1) bytes[length++] = source[k] as number;
      this.length = length;
    }
  }
  newline(spaces: number): void {
    this.reserve(spaces + 1);
    if (this.lineStarts) {
      const lineLength = this.length - (this.lineStarts.values[this.lineStarts.length - 1] as number);
      if (lineLength > this.widest) this.widest = lineLength;
    }
    this.bytes[this.length++] = 0x0a;
    this.lineStarts?.push(this.length);
    this.bytes.fill(0x20, this.length, this.length + spaces);
    this.length += spaces;
  }
  result(): Uint8Array {
    if (this.lineStarts) this.widest = Math.max(this.widest, this.length - (this.lineStarts.values[this.lineStarts.length - 1] as number));
    return this.bytes.subarray(0, this.length);
  }
}

/** Where the pretty printer reports its lines: the byte offset of each, and the longest (bytes). */
export interface PrettyLines {
  starts: U32List;
  widest: number;
}

const OBJECT = 1;
const ARRAY = 2;
const isWhitespace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;
const isHex = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
const LITERALS: Record<number, number[]> = {
  0x74: [0x74, 0x72, 0x75, 0x65], // true
  0x66: [0x66, 0x61, 0x6c, 0x73, 0x65], // false
  0x6e: [0x6e, 0x75, 0x6c, 0x6c], // null
};

/** The end (exclusive) of the string literal starting at `start` (a quote), or -1 when it is not valid JSON. */
function stringEnd(src: Uint8Array, start: number): number {
  let j = start + 1;
  for (;;) {
    const b = src[j];
    if (b === undefined || b < 0x20) return -1;
    if (b === 0x22) return j + 1;
    if (b === 0x5c) {
      const e = src[j + 1];
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) j += 2;
      else if (e === 0x75 && isHex(src[j + 2]) && isHex(src[j + 3]) && isHex(src[j + 4]) && isHex(src[j + 5])) j += 6;
      else return -1;
      continue;
    }
    j += 1;
  }
}

/** The end (exclusive) of the number starting at `start`, or -1 when it is not a JSON number. */
function numberEnd(src: Uint8Array, start: number): number {
  let j = start;
  if (src[j] === 0x2d) j += 1;
  if (src[j] === 0x30) j += 1;
  else if (isDigit(src[j])) while (isDigit(src[j])) j += 1;
  else return -1;
  if (src[j] === 0x2e) {
    j += 1;
    if (!isDigit(src[j])) return -1;
    while (isDigit(src[j])) j += 1;
  }
  if (src[j] === 0x65 || src[j] === 0x45) {
    j += 1;
    if (src[j] === 0x2b || src[j] === 0x2d) j += 1;
    if (!isDigit(src[j])) return -1;
    while (isDigit(src[j])) j += 1;
  }
  return j;
}

/**
 * Re-indents JSON bytes without parsing their values, validating them on the way (one pass, no
 * parsed copy of a large body): the same output as lib/pretty-json's prettyPrintJson, as UTF-8.
 * Returns null when the bytes are not one valid JSON text.
 */
export function prettyJsonBytes(src: Uint8Array, indent = 2, lines?: PrettyLines): Uint8Array | null {
  const n = src.length;
  lines?.starts.push(0);
  const out = new ByteWriter(n + (n >> 1), lines?.starts);
  const done = (): Uint8Array => {
    const result = out.result();
    if (lines) lines.widest = out.widest;
    return result;
  };
  const stack: number[] = [];
  let i = 0;
  // 0: a value is expected; 1: an object key (or the end of the object after a comma: invalid); 2: after a value.
  let state = 0;
  const skip = () => {
    while (isWhitespace(src[i])) i += 1;
  };
  for (;;) {
    skip();
    if (state === 2) {
      if (stack.length === 0) return i === n ? done() : null;
      const b = src[i];
      const top = stack[stack.length - 1];
      if (b === 0x2c) {
        out.push(0x2c);
        out.newline(stack.length * indent);
        i += 1;
        state = top === OBJECT ? 1 : 0;
      } else if ((b === 0x7d && top === OBJECT) || (b === 0x5d && top === ARRAY)) {
        stack.pop();
        out.newline(stack.length * indent);
        out.push(b);
        i += 1;
      } else {
        return null;
      }
      continue;
    }
    if (state === 1) {
      if (src[i] !== 0x22) return null;
      const end = stringEnd(src, i);
      if (end < 0) return null;
      out.copy(src, i, end);
      i = end;
      skip();
      if (src[i] !== 0x3a) return null;
      out.push(0x3a);
      out.push(0x20);
      i += 1;
      state = 0;
      continue;
    }
    // A value.
    const b = src[i];
    if (b === undefined) return null;
    if (b === 0x7b || b === 0x5b) {
      const close = b === 0x7b ? 0x7d : 0x5d;
      let k = i + 1;
      while (isWhitespace(src[k])) k += 1;
      if (src[k] === close) {
        // Empty containers stay on one line: {} and [].
        out.push(b);
        out.push(close);
        i = k + 1;
        state = 2;
      } else {
        stack.push(b === 0x7b ? OBJECT : ARRAY);
        out.push(b);
        out.newline(stack.length * indent);
        i += 1;
        state = b === 0x7b ? 1 : 0;
      }
      continue;
    }
    let end: number;
    if (b === 0x22) end = stringEnd(src, i);
    else if (b === 0x2d || isDigit(b)) end = numberEnd(src, i);
    else {
      const literal = LITERALS[b];
      if (!literal) return null;
      end = i + literal.length;
      for (let k = 0; k < literal.length; k += 1) if (src[i + k] !== literal[k]) return null;
    }
    if (end < 0) return null;
    out.copy(src, i, end);
    i = end;
    state = 2;
  }
}

// ---- Display rows ----

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

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]/g;

function standIn(char: string): RowSegment {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return { text: String.fromCharCode(0x2400 + code), special: true, title: hex };
  if (code === 0x7f) return { text: '\u2421', special: true, title: hex };
  if (code === 0xa0 || code === 0x202f || code === 0x3000) return { text: '\u00b7', special: true, title: `${hex} (non-breaking or wide space)` };
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

// ---- The document ----

/** Whether the start of the body reads as text: the first 64 KiB decide, as for the inline viewer. */
function binaryStart(bytes: Uint8Array): boolean {
  // A character cut at the sample's end decodes to U+FFFD, which is no control character.
  return looksBinary(decodeUtf8Lossy(bytes.subarray(0, 65_536)));
}

/**
 * One opened body: its summary, and every view of it on demand. Layouts are cached per view and
 * width; the pretty bytes are made once, when the body is opened (they decide whether it is JSON).
 */
export class BodyDocument {
  readonly summary: BodySummary;
  private readonly pretty: Uint8Array | null;
  private readonly prettyLines: Uint32Array | null;
  /** Pretty lines are short enough to show unwrapped (the usual case: no layout to compute). */
  private readonly prettyUnwrapped: boolean;
  private readonly prettyWidest: number;
  private layouts = new Map<string, RowLayout>();

  constructor(readonly bytes: Uint8Array) {
    const utf8 = isValidUtf8(bytes);
    const lines: PrettyLines = { starts: new U32List(1024), widest: 0 };
    this.pretty = utf8 && bytes.length > 0 ? prettyJsonBytes(bytes, 2, lines) : null;
    this.prettyLines = this.pretty === null ? null : lines.starts.result();
    this.prettyWidest = lines.widest;
    this.prettyUnwrapped = this.pretty !== null && lines.widest <= MAX_UNWRAPPED_LINE;
    const binary = !utf8 || binaryStart(bytes);
    const json = this.pretty !== null;
    this.summary = { size: bytes.length, utf8, binary, json, defaultTab: json ? 'pretty' : binary ? 'hex' : 'raw' };
  }

  static fromBase64(base64: string): BodyDocument {
    return new BodyDocument(base64ToBytes(base64));
  }

  /** The bytes a text view shows: Pretty falls back to the body itself when it is not JSON. */
  private textBytes(tab: 'pretty' | 'raw'): Uint8Array {
    return tab === 'pretty' && this.pretty !== null ? this.pretty : this.bytes;
  }

  private layout(tab: 'pretty' | 'raw', columns: number): RowLayout {
    const key = `${tab === 'pretty' && this.pretty !== null ? 'pretty' : 'raw'}:${columns}`;
    let layout = this.layouts.get(key);
    if (!layout) {
      // One width at a time: after a resize, the layouts for the old width go.
      for (const other of [...this.layouts.keys()]) if (!other.endsWith(`:${columns}`)) this.layouts.delete(other);
      layout = tab === 'pretty' && this.pretty !== null ? layoutRows(this.pretty, columns, this.prettyLines ?? undefined) : layoutRows(this.bytes, columns);
      this.layouts.set(key, layout);
    }
    return layout;
  }

  /** How `tab` is cut into rows at `columns` characters (Raw wraps; Pretty only when a line is very long; Hex never). */
  rowsInfo(tab: BodyTab, columns: number): RowsInfo {
    if (tab === 'hex') return { rows: hexRowCount(this.bytes.length), wrapped: false, widest: 78 };
    const unwrapped = this.unwrappedPretty(tab);
    if (unwrapped) return { rows: unwrapped.starts.length, wrapped: false, widest: this.prettyWidest };
    return { rows: this.layout(tab, columns).count, wrapped: true, widest: columns };
  }

  rows(tab: BodyTab, columns: number, from: number, count: number): BodyRow[] {
    if (tab === 'hex') return hexRows(this.bytes, from, count);
    const unwrapped = this.unwrappedPretty(tab);
    if (unwrapped) return lineRows(unwrapped.bytes, unwrapped.starts, from, count);
    return rowsOf(this.textBytes(tab), this.layout(tab, columns), from, count);
  }

  /** The pretty text and its lines, when `tab` is Pretty and its lines need no wrapping. */
  private unwrappedPretty(tab: BodyTab): { bytes: Uint8Array; starts: Uint32Array } | null {
    if (tab !== 'pretty' || !this.prettyUnwrapped || this.pretty === null || this.prettyLines === null) return null;
    return { bytes: this.pretty, starts: this.prettyLines };
  }

  /** The whole view as one string, for the editor (small bodies only). */
  fullText(tab: BodyTab): string {
    if (tab === 'hex') return hexDump(this.bytes, this.bytes.length);
    return decodeUtf8Lossy(this.textBytes(tab));
  }

  /** Text bodies are copied as text; binary ones (or invalid UTF-8) as base64 of the exact bytes. */
  copyPayload(): CopyPayload {
    return this.summary.binary
      ? { text: bytesToBase64(this.bytes), encoding: 'base64' }
      : { text: decodeUtf8Lossy(this.bytes), encoding: 'text' };
  }
}
