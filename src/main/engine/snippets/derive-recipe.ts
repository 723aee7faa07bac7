import { isSchemeId, type SchemeSetting } from '../../../shared/scheme-ids';
import type { HmacSchemeSpec } from '../signatures/hmac-scheme';
import type { PrefixPart, SnippetRecipe } from './recipes';

/** The tolerance the snippets apply: the providers' common five minutes. */
const SNIPPET_TOLERANCE_SECONDS = 300;

/** `Stripe (Stripe-Signature)` → `Stripe`: the snippets name the provider only. */
const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

/**
 * The snippet recipe of an HMAC definition, or null when the generators cannot express it: a
 * signed URL or a computed content (Twilio), a timestamp outside the headers or not in unix
 * seconds (Linear's body field, Twitch's RFC 3339), a key decoding other than text or whsec_.
 */
export function deriveRecipe(spec: HmacSchemeSpec<SchemeSetting>): SnippetRecipe | null {
  if (!isSchemeId(spec.id) || spec.contentOf || spec.alternativeContents || spec.extraCheck) return null;
  if (spec.algorithm !== 'sha256' && spec.algorithm !== 'sha1') return null;
  const key =
    spec.secretFormat === 'text' && !spec.keyOf
      ? 'text'
      : spec.secretFormat === 'whsec_base64' || spec.secretFormat === 'base64'
        ? 'whsec'
        : null;
  if (key === null) return null;
  const rule = spec.timestamp;
  if (rule && (rule.unit !== 's' || rule.source === 'body' || !rule.required)) return null;
  if (rule?.source === 'signature_header' && spec.signature.kind !== 'keyed') return null;
  const last = spec.template[spec.template.length - 1];
  if (last?.kind !== 'body') return null;
  const prefix: PrefixPart[] = [];
  for (const part of spec.template.slice(0, -1)) {
    if (part.kind === 'literal') prefix.push({ literal: part.text });
    else if (part.kind === 'id' || part.kind === 'timestamp') prefix.push(part.kind);
    else return null;
  }
  return {
    schemeId: spec.id,
    label: shortLabel(spec.label),
    signatureHeader: spec.signatureHeader,
    signature: spec.signature,
    timestampHeader: rule?.source === 'header' ? rule.name : null,
    idHeader: spec.idHeader,
    prefix,
    algorithm: spec.algorithm,
    encoding: spec.encoding,
    key,
    tolerance: rule ? { seconds: SNIPPET_TOLERANCE_SECONDS, direction: rule.direction } : null,
  };
}
