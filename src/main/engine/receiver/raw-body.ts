import type { Readable } from 'node:stream';

export interface RawBody {
  body: Buffer;
  /** Total bytes the sender sent, including what was dropped beyond the limit. */
  size: number;
  truncated: boolean;
  /** Milliseconds from the first to the last byte of the body. */
  readMs: number;
}

/**
 * Reads a request body as raw bytes, keeping at most `limit` bytes. Past the limit the rest
 * is drained and counted rather than rejected mid-stream, so the capture records the
 * headers, the first `limit` bytes and the real size, and the sender still gets a clean 413.
 */
export function readRawBody(stream: Readable, limit: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    let firstByteAt: number | null = null;
    stream.on('data', (chunk: Buffer) => {
      firstByteAt ??= performance.now();
      size += chunk.length;
      if (kept < limit) {
        const room = limit - kept;
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        chunks.push(part);
        kept += part.length;
      }
    });
    stream.on('end', () =>
      resolve({
        body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, kept),
        size,
        truncated: size > limit,
        readMs: firstByteAt === null ? 0 : performance.now() - firstByteAt,
      }),
    );
    stream.on('error', reject);
  });
}
