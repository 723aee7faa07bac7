import { describe, expect, it } from 'vitest';
import { normalizeForEditor, toEditorText } from '../../../src/renderer/src/lib/editor-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('toEditorText', () => {
  it('lets the editor edit text it round-trips: LF only, or CRLF only', () => {
    expect(toEditorText(bytes('{"a":1}\n'))).toEqual({ editable: true, text: '{"a":1}\n' });
    expect(toEditorText(bytes('a\r\nb\r\n')).editable).toBe(true);
  });

  it('keeps bodies the editor would change read-only, saying why', () => {
    expect(toEditorText(bytes('a\r\nb\n'))).toMatchObject({ editable: false, reason: expect.stringContaining('line endings') });
    expect(toEditorText(bytes('a\rb'))).toMatchObject({ editable: false });
    expect(toEditorText(bytes('\uFEFF{}'))).toMatchObject({ editable: false, reason: expect.stringContaining('BOM') });
    expect(toEditorText(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({
      editable: false,
      text: '{\uFFFD}',
      reason: expect.stringContaining('UTF-8'),
    });
  });

  it('normalizes only when asked: no BOM, LF line endings', () => {
    expect(normalizeForEditor('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
