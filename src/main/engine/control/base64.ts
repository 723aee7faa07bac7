import { invalid } from './errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes standard, padded base64 from an API field, or throws a 400 that names the field.
 * Strict on purpose: Buffer.from(..., 'base64') silently skips characters it does not know, so a
 * lenient decoder would sign or send different bytes than the caller meant. Whitespace (line
 * wrapping from `base64` tools) is the only thing tolerated.
 */
export function decodeBase64Field(value: string, field: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalid(`${field} is not valid base64: use standard base64 (A-Z, a-z, 0-9, +, /) padded with = to a multiple of 4 characters.`);
  }
  return Buffer.from(compact, 'base64');
}
