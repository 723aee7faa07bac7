import type { DiagnosisItem } from '../../../../shared/api';
import { firstMatchingBody, type SearchContext } from './context';

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

const isValidUtf8 = (body: Buffer) => Buffer.from(body.toString('utf8'), 'utf8').equals(body);

function* roundTrips(body: Buffer) {
  const hasHighBytes = body.some((byte) => byte >= 0x80);
  if (!hasHighBytes) return;
  if (!isValidUtf8(body)) {
    yield {
      body: Buffer.from(body.toString('utf8'), 'utf8'),
      message:
        'The signature matches this body decoded as UTF-8 with invalid bytes replaced by U+FFFD: the sender signed a lossy text copy (e.g. `payload.decode()` of bytes that are not UTF-8). Sign the raw bytes.',
    };
  }
  yield {
    body: Buffer.from(body.toString('latin1'), 'utf8'),
    message:
      'The signature matches this body read as Latin-1 and re-encoded as UTF-8 (mojibake such as "Ã©" for "é"): a text decode with the wrong charset happened before signing. Sign the raw bytes, never a decoded string.',
  };
  if (isValidUtf8(body)) {
    const text = body.toString('utf8');
    if ([...text].every((char) => char.codePointAt(0)! <= 0xff)) {
      yield {
        body: Buffer.from(text, 'latin1'),
        message:
          'The signature matches this body encoded as Latin-1 instead of UTF-8: the sender signed the text in another charset than it sent. Sign the bytes you send.',
      };
    }
  }
}

/**
 * body_decoded_as_text: the bytes went through a text decode. U+FFFD in what arrived is a sign by
 * itself (the original bytes are lost); a Latin-1/UTF-8 round trip that matches is proof.
 */
export function explainDecodedAsText(ctx: SearchContext): DiagnosisItem[] {
  const matched = firstMatchingBody(ctx, 'body_decoded_as_text', roundTrips(ctx.probe.fields.body));
  if (matched.length > 0) return matched;
  if (ctx.probe.fields.body.includes(REPLACEMENT)) {
    return [
      {
        code: 'body_decoded_as_text',
        message:
          'The body contains U+FFFD replacement characters (EF BF BD): somewhere before Hookscope a lossy text decode replaced bytes that were not valid UTF-8, so the signed bytes are gone. Forward bodies as bytes (a relay or proxy doing res.text() or body.toString()).',
      },
    ];
  }
  return [];
}
