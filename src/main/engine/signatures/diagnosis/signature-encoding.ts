import type { DiagnosisItem } from '../../../../shared/api';
import type { SearchContext } from './context';

/**
 * signature_encoding: the right MAC arrived, but written differently from what the scheme
 * expects (uppercase hex, base64 for hex or the reverse, a stray or missing prefix). The verdict
 * stays invalid: providers' SDKs compare the exact text, so the receiving code would fail too.
 */
export function explainSignatureEncoding(ctx: SearchContext): DiagnosisItem[] {
  const { probe } = ctx;
  const token = ctx.received.find(probe.mac);
  if (!token) return [];
  const expectedText = probe.mac.toString(probe.encoding);
  const slips: string[] = [];
  if (token.encoding === 'hex' && probe.encoding === 'hex' && token.text !== expectedText)
    slips.push('as uppercase (or mixed-case) hex where lowercase hex is expected; use digest("hex") as is, without toUpperCase()');
  if (token.encoding !== 'hex' && probe.encoding === 'hex')
    slips.push(`as ${token.encoding} where hex is expected; encode the digest with digest("hex")`);
  if (token.encoding === 'hex' && probe.encoding === 'base64')
    slips.push('as hex where base64 is expected; encode the digest with digest("base64")');
  if (token.encoding === 'base64url' && probe.encoding === 'base64')
    slips.push('as base64url (- and _) where standard base64 (+ and /) is expected');
  const expectedPrefix = probe.signaturePrefix;
  const carriesExpectedPrefix =
    expectedPrefix !== '' && probe.rawSignatureValues.some((value) => value.includes(`${expectedPrefix}${token.text}`));
  if (expectedPrefix !== '' && !carriesExpectedPrefix) {
    slips.push(
      token.strippedPrefix
        ? `with the prefix "${token.strippedPrefix}" where "${expectedPrefix}" is expected`
        : `without the required "${expectedPrefix}" prefix`,
    );
  }
  if (expectedPrefix === '' && token.strippedPrefix !== '')
    slips.push(`with a stray "${token.strippedPrefix}" prefix the scheme does not use; send the bare value`);
  if (slips.length === 0)
    slips.push(
      'with extra characters around it (quotes, say; whitespace around a header value is ignored, as HTTP says); send the bare value',
    );
  return [
    {
      code: 'signature_encoding',
      message: `The header carries the correct HMAC for this body and secret, but ${slips.join('; and ')}. Expected ${JSON.stringify(expectedPrefix + expectedText)}.`,
    },
  ];
}
