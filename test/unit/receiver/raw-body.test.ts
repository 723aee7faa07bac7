import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRawBody } from '../../../src/main/engine/receiver/raw-body';

/** Feeds `parts` through a real stream, then ends it (or closes it early, as a cut upload does). */
function feed(parts: Buffer[], end: 'end' | 'close' = 'end'): PassThrough {
  const stream = new PassThrough();
  setImmediate(() => {
    for (const part of parts) stream.write(part);
    if (end === 'end') stream.end();
    else setImmediate(() => stream.destroy());
  });
  return stream;
}

const body = randomBytes(300_000);
const parts = [body.subarray(0, 70_000), body.subarray(70_000, 200_001), body.subarray(200_001)];

describe('readRawBody', () => {
  it('keeps the exact bytes of a body whose length was announced, arriving in chunks', async () => {
    const read = await readRawBody(feed(parts), 1_000_000, body.length);
    expect(read.body.equals(body)).toBe(true);
    expect(read).toMatchObject({ size: body.length, truncated: false, aborted: false });
  });

  it('keeps what arrived of a cut upload, no more (the announced length was not reached)', async () => {
    const read = await readRawBody(feed(parts.slice(0, 2), 'close'), 1_000_000, body.length);
    expect(read.aborted).toBe(true);
    expect(read.body.equals(body.subarray(0, 200_001))).toBe(true);
  });

  it('keeps every byte even when more arrive than were announced', async () => {
    const read = await readRawBody(feed(parts), 1_000_000, 100_000);
    expect(read.body.equals(body)).toBe(true);
  });

  it('keeps the first `limit` bytes of a body past the limit, and counts the rest', async () => {
    const read = await readRawBody(feed(parts), 150_000, body.length);
    expect(read.body.equals(body.subarray(0, 150_000))).toBe(true);
    expect(read).toMatchObject({ size: body.length, truncated: true });
  });

  it('reads a body with no announced length (chunked)', async () => {
    const read = await readRawBody(feed(parts), 1_000_000);
    expect(read.body.equals(body)).toBe(true);
  });
});
