import type { DiagnosisItem } from '../../../../shared/api';
import type { SearchContext } from './context';

/** secret_whitespace: the configured secret or the sender's copy carries stray whitespace. */
export function explainSecretWhitespace(ctx: SearchContext): DiagnosisItem[] {
  const { probe } = ctx;
  const content = probe.contentOf(probe.fields);
  const trimmed = probe.secret.trim();
  if (trimmed !== probe.secret && trimmed !== '' && ctx.matchesContent(content, { key: probe.keyOf(trimmed) })) {
    return [
      {
        code: 'secret_whitespace',
        message:
          'The signature matches once the secret configured here is trimmed: it has leading or trailing whitespace (often a newline pasted with it). Remove it from the endpoint secret.',
      },
    ];
  }
  for (const padded of [`${probe.secret}\n`, `${probe.secret}\r\n`, `${probe.secret} `, ` ${probe.secret}`]) {
    if (ctx.matchesContent(content, { key: probe.keyOf(padded) })) {
      return [
        {
          code: 'secret_whitespace',
          message: `The sender's secret has extra whitespace (${JSON.stringify(padded.replace(probe.secret, '…'))}): the signature matches this secret plus that whitespace. Trim the secret where the sender reads it (e.g. an env file with a trailing newline).`,
        },
      ];
    }
  }
  return [];
}

/**
 * secret_format: the secret was turned into key bytes the wrong way: a `whsec_` secret used as
 * text where the scheme base64-decodes it (or the reverse), or a hex/base64 secret decoded
 * where the scheme uses the text.
 */
export function explainSecretFormat(ctx: SearchContext): DiagnosisItem[] {
  const { probe } = ctx;
  const content = probe.contentOf(probe.fields);
  const secret = probe.secret.trim();
  const bare = secret.replace(/^whsec_/, '');
  const attempts: Array<{ key: Buffer; message: string }> = [];
  if (probe.decodesSecret) {
    // A plain-base64 secret (Airtable, Brex) has no whsec_ prefix to mention, nor a library to point at.
    const decodes =
      probe.secretFormat === 'base64'
        ? 'this scheme base64-decodes it (the secret is the base64 of the key). Base64-decode the secret in the sender.'
        : 'this scheme base64-decodes it (after the whsec_ prefix). Decode the secret in the sender (the Standard Webhooks libraries do).';
    attempts.push({ key: Buffer.from(secret, 'utf8'), message: `The sender used the secret text itself as the HMAC key; ${decodes}` });
    if (bare !== secret)
      attempts.push({
        key: Buffer.from(bare, 'utf8'),
        message: 'The sender used the text after whsec_ as the key without base64-decoding it. Base64-decode it.',
      });
  } else {
    if (bare !== secret || /^[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
      attempts.push({
        key: Buffer.from(bare, 'base64'),
        message: 'The sender base64-decoded the secret (Standard Webhooks style); this scheme uses the secret text as is as the HMAC key.',
      });
    }
    if (/^([0-9a-fA-F]{2})+$/.test(secret)) {
      attempts.push({
        key: Buffer.from(secret, 'hex'),
        message: 'The sender hex-decoded the secret; this scheme uses the secret text as is as the HMAC key.',
      });
    }
  }
  for (const attempt of attempts) {
    if (attempt.key.length > 0 && ctx.matchesContent(content, { key: attempt.key }))
      return [{ code: 'secret_format', message: attempt.message }];
  }
  return [];
}
