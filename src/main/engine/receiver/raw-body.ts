import type { Readable } from 'node:stream';

export interface RawBody {
  body: Buffer;
  /** Total bytes the sender sent, including what was dropped beyond the limit. */
  size: number;
  truncated: boolean;
  /**
   * True when the stream stopped before its end: the sender (or a proxy, or a tunnel) closed the
   * connection mid-body. `body` then holds the bytes that did arrive.
   */
  aborted: boolean;
  /** Milliseconds from the first to the last byte of the body. */
  readMs: number;
}

/**
 * Reads a request body as raw bytes, keeping at most `limit` bytes. Past the limit the rest
 * is drained and counted rather than rejected mid-stream, so the capture records the
 * headers, the first `limit` bytes and the real size, and the sender still gets a clean 413.
 * An upload cut short resolves too, with what arrived: a capture tool must show the request a
 * flaky sender or tunnel broke, not lose it.
 */
export function readRawBody(stream: Readable, limit: number, announced: number | null = null): Promise<RawBody> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    // A large body whose length was announced ends up in one buffer of that length, so it is not
    // held twice when the chunks are joined (40 MB at once for a 20 MB upload). The buffer is made
    // only once half the body has arrived: a sender's claim alone reserves nothing.
    const target = announced !== null && announced > 64 * 1024 && announced <= limit ? announced : null;
    let whole: Buffer | null = null;
    let kept = 0;
    let size = 0;
    let firstByteAt: number | null = null;
    let settled = false;
    const settle = (aborted: boolean) => {
      if (settled) return;
      settled = true;
      resolve({
        body: whole ? whole.subarray(0, kept) : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, kept),
        size,
        truncated: size > limit,
        aborted,
        readMs: firstByteAt === null ? 0 : performance.now() - firstByteAt,
      });
    };
    stream.on('data', (chunk: Buffer) => {
      firstByteAt ??= performance.now();
      size += chunk.length;
      if (kept < limit) {
        const room = limit - kept;
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        if (whole && kept + part.length > whole.length) {
          // More than announced (HTTP's framing forbids it; never trust it): back to chunks.
          chunks.push(whole.subarray(0, kept));
          whole = null;
        }
        if (whole) part.copy(whole, kept);
        else chunks.push(part);
        kept += part.length;
        if (!whole && target !== null && kept * 2 >= target && kept <= target) {
          whole = Buffer.allocUnsafe(target);
          let at = 0;
          for (const piece of chunks) at += piece.copy(whole, at);
          chunks = [];
        }
      }
    });
    stream.on('end', () => settle(false));
    // Node reports a cut upload as an 'error' (ECONNRESET "aborted") followed by 'close'; either
    // one before 'end' means the body is incomplete.
    stream.on('error', () => settle(true));
    stream.on('close', () => settle(true));
  });
}
