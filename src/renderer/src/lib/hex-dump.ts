export const HEX_BYTES_PER_LINE = 16;

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** One `offset  hex bytes  |ascii|` line: the (up to) 16 bytes from `offset`, of the first `length`. */
export function hexLine(bytes: Uint8Array, offset: number, length = bytes.length): string {
  const end = Math.min(offset + HEX_BYTES_PER_LINE, length);
  let hex = '';
  let ascii = '';
  for (let i = offset; i < offset + HEX_BYTES_PER_LINE; i += 1) {
    if (i === offset + 8) hex += ' ';
    if (i < end) {
      const byte = bytes[i] ?? 0;
      hex += `${hexByte(byte)} `;
      ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    } else {
      hex += '   ';
    }
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}

/**
 * Classic `offset  hex bytes  |ascii|` dump. Only the first `maxBytes` are dumped: a 25 MB body
 * would make a ~100 MB string and freeze the editor (the body viewer pages large bodies instead).
 */
export function hexDump(bytes: Uint8Array, maxBytes: number): string {
  const length = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let offset = 0; offset < length; offset += HEX_BYTES_PER_LINE) lines.push(hexLine(bytes, offset, length));
  if (bytes.length > length) lines.push(`… ${bytes.length - length} more bytes not shown`);
  return lines.join('\n');
}
