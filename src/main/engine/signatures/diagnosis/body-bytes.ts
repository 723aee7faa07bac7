import type { DiagnosisItem } from '../../../../shared/api';
import { firstMatchingBody, type SearchContext } from './context';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const RAW_FIX = 'Verify the raw bytes exactly as received.';

function* trailingNewline(body: Buffer) {
  const text = body.toString('latin1');
  yield {
    body: Buffer.concat([body, Buffer.from('\n')]),
    message: `The signature matches this body plus a trailing newline: the sender signed "body\\n" (a file or template ending in a newline) but sent it without one. ${RAW_FIX}`,
  };
  yield {
    body: Buffer.concat([body, Buffer.from('\r\n')]),
    message: `The signature matches this body plus a trailing CRLF: the sender signed a copy ending in \\r\\n. ${RAW_FIX}`,
  };
  const stripped = text.replace(/[\r\n]+$/, '');
  if (stripped !== text)
    yield {
      body: Buffer.from(stripped, 'latin1'),
      message: `The signature matches this body without its trailing newline: a newline was appended after signing (an editor, a heredoc, or curl -d @file). Send the signed bytes as is (curl --data-binary). `,
    };
  const trimmed = text.replace(/\s+$/, '');
  if (trimmed !== stripped && trimmed !== text)
    yield {
      body: Buffer.from(trimmed, 'latin1'),
      message: `The signature matches this body without its trailing whitespace: whitespace was added after signing. ${RAW_FIX}`,
    };
}

function* lineEndings(body: Buffer) {
  const text = body.toString('latin1');
  if (text.includes('\r\n'))
    yield {
      body: Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'),
      message: `The signature matches this body with LF line endings, but it arrived with CRLF: something converted line endings after signing (git autocrlf, a Windows editor, a proxy). ${RAW_FIX}`,
    };
  if (/(^|[^\r])\n/.test(text))
    yield {
      body: Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1'),
      message: `The signature matches this body with CRLF line endings, but it arrived with LF: the sender signed a CRLF copy. ${RAW_FIX}`,
    };
}

function* bom(body: Buffer) {
  if (body.subarray(0, 3).equals(BOM))
    yield {
      body: body.subarray(3),
      message:
        'The signature matches this body without its UTF-8 byte order mark (EF BB BF): a BOM was added after signing (a file saved "UTF-8 with BOM", or a text writer). Strip the BOM before sending, or sign the bytes with it.',
    };
  else
    yield {
      body: Buffer.concat([BOM, body]),
      message:
        'The signature matches this body with a UTF-8 byte order mark (EF BB BF) in front: the sender signed a file saved "UTF-8 with BOM" but sent it without. Sign and send the same bytes.',
    };
}

export const explainTrailingNewline = (ctx: SearchContext): DiagnosisItem[] =>
  firstMatchingBody(ctx, 'body_trailing_newline', trailingNewline(ctx.probe.fields.body));
export const explainLineEndings = (ctx: SearchContext): DiagnosisItem[] =>
  firstMatchingBody(ctx, 'body_line_endings', lineEndings(ctx.probe.fields.body));
export const explainBom = (ctx: SearchContext): DiagnosisItem[] => firstMatchingBody(ctx, 'body_bom', bom(ctx.probe.fields.body));
