import { base64ToBytes, decodeUtf8Lossy, decodeUtf8Strict, looksBinary } from '../../lib/bytes';
import { hexDump } from '../../lib/hex-dump';
import { prettyPrintJson } from '../../lib/pretty-json';

export type BodyTab = 'pretty' | 'raw' | 'hex';

/** Pretty-printing re-scans the text; past this size the Raw view is the honest choice. */
const MAX_PRETTY_CHARS = 5 * 1024 * 1024;
const MAX_HEX_BYTES = 1024 * 1024;

export interface BodyViews {
  bytes: Uint8Array;
  /** null when the body is not valid UTF-8 */
  text: string | null;
  pretty: string | null;
  defaultTab: BodyTab;
  raw: () => string;
  hex: () => string;
}

export function buildBodyViews(bodyBase64: string): BodyViews {
  const bytes = base64ToBytes(bodyBase64);
  const text = decodeUtf8Strict(bytes);
  const pretty = text !== null && text.length <= MAX_PRETTY_CHARS ? prettyPrintJson(text) : null;
  const binary = text === null || looksBinary(text);
  return {
    bytes,
    text,
    pretty,
    defaultTab: pretty !== null ? 'pretty' : binary ? 'hex' : 'raw',
    raw: () => text ?? decodeUtf8Lossy(bytes),
    hex: () => hexDump(bytes, MAX_HEX_BYTES),
  };
}
