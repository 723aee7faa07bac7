/**
 * A JSON pretty-printer over UTF-8 bytes that validates as it prints: null when the bytes are not
 * one JSON text. Every literal is copied byte for byte (only whitespace between tokens changes),
 * and it never builds a string, so a 20 MB body costs two byte arrays, not a JavaScript object
 * tree. The body worker runs it; the output equals lib/pretty-json.ts's for the same JSON.
 */

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
