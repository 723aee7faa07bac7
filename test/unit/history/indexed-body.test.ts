import { describe, expect, it } from 'vitest';
import { MAX_INDEXED_BODY_BYTES, indexedBodyText } from '../../../src/main/engine/history/search-document';

describe('indexedBodyText', () => {
  it('is the whole text of a small UTF-8 body, and null for an empty one', () => {
    expect(indexedBodyText(Buffer.from('{"city":"Zürich"}'))).toBe('{"city":"Zürich"}');
    expect(indexedBodyText(Buffer.alloc(0))).toBeNull();
  });

  it('has no text for bytes that are not UTF-8 within the indexed part', () => {
    expect(indexedBodyText(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toBeNull();
  });

  it('cuts a long body at a character boundary: a split multi-byte character does not make it binary', () => {
    // "é" is two bytes; placed so that the limit falls between them.
    const body = Buffer.concat([Buffer.alloc(MAX_INDEXED_BODY_BYTES - 1, 0x61), Buffer.from('é'), Buffer.from('tail')]);
    const text = indexedBodyText(body);
    expect(text).not.toBeNull();
    expect(text?.length).toBe(MAX_INDEXED_BODY_BYTES - 1);
    expect(text?.endsWith('a')).toBe(true);
  });

  it('judges only the indexed part, so the prefix SQLite reads gives the same text as the whole body', () => {
    const body = Buffer.concat([Buffer.alloc(MAX_INDEXED_BODY_BYTES, 0x62), Buffer.from([0xff, 0xff])]);
    const prefix = body.subarray(0, MAX_INDEXED_BODY_BYTES + 1);
    expect(indexedBodyText(body)).toBe('b'.repeat(MAX_INDEXED_BODY_BYTES));
    expect(indexedBodyText(prefix)).toBe(indexedBodyText(body));
  });
});
