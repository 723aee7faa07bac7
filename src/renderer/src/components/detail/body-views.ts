/**
 * The body viewer's document model, pure and DOM-free: the body worker (body.worker.ts) runs it
 * off the main thread, and unit tests import it directly. Everything works on the exact bytes:
 * Pretty is only a view (whitespace between JSON tokens moved, every literal byte for byte), Raw
 * is the bytes decoded as UTF-8, Hex is the bytes. Large bodies are never turned into one big
 * string: the viewer asks for windows of display rows.
 */
import { base64ToBytes, bytesToBase64, decodeUtf8Lossy, looksBinary } from '../../lib/bytes';
import { hexDump } from '../../lib/hex-dump';
import { U32List, prettyJsonBytes, type PrettyLines } from '../../lib/pretty-json-bytes';
import { hexRowCount, hexRows, layoutRows, lineRows, rowsOf, type BodyRow, type RowLayout } from './body-rows';

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
      layout =
        tab === 'pretty' && this.pretty !== null
          ? layoutRows(this.pretty, columns, this.prettyLines ?? undefined)
          : layoutRows(this.bytes, columns);
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
