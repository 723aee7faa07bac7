import { decodeUtf8Lossy, decodeUtf8Strict } from './bytes';

/**
 * Whether bytes survive a round trip through an editable Monaco model unchanged. Monaco splits
 * lines on CR, LF and CRLF and re-joins them with one end-of-line sequence, and drops a leading
 * BOM, so mixed line endings, a lone CR or a BOM would silently change what gets signed.
 */
export type EditorText = { editable: true; text: string } | { editable: false; text: string; reason: string };

export function toEditorText(bytes: Uint8Array): EditorText {
  const strict = decodeUtf8Strict(bytes);
  if (strict === null) {
    return { editable: false, text: decodeUtf8Lossy(bytes), reason: 'The body is not valid UTF-8.' };
  }
  if (strict.startsWith('\uFEFF')) {
    return { editable: false, text: strict, reason: 'The body starts with a UTF-8 BOM, which the editor would drop.' };
  }
  const crlf = (strict.match(/\r\n/g) ?? []).length;
  const cr = (strict.match(/\r/g) ?? []).length;
  const lf = (strict.match(/\n/g) ?? []).length;
  const consistent = cr === 0 || (cr === crlf && lf === crlf);
  if (!consistent) {
    return { editable: false, text: strict, reason: 'The body mixes line endings (CR, LF, CRLF), which the editor would normalize.' };
  }
  return { editable: true, text: strict };
}

/** What the editor would make of the text: no BOM, LF line endings. Used only when the user opts in. */
export function normalizeForEditor(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
