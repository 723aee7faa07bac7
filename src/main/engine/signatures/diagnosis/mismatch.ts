import type { DiagnosisItem } from '../../../../shared/api';
import { BODY_SEARCH_LIMIT, type SearchContext } from './context';

/**
 * signature_mismatch: nothing explained it. The strongest remaining hint is another endpoint's
 * secret: if one matches, the sender is configured with that endpoint's secret (or posts to the
 * wrong path).
 */
export function explainMismatch(ctx: SearchContext): DiagnosisItem {
  const content = ctx.probe.contentOf(ctx.probe.fields);
  const others = ctx.otherSecrets.filter((other) => other.secret !== '' && other.secret !== ctx.probe.secret);
  const matching = others.filter((other) => ctx.matchesContent(content, { key: ctx.probe.keyOf(other.secret) }));
  if (matching.length > 0) {
    // The strongest explanation there is: say it first, without the "nothing explains it" preamble.
    const names = matching.map((other) => `"${other.label}"`).join(', ');
    const parts = [
      `The signature does not match this endpoint's secret, but it DOES match the secret of ${names}: the sender is configured with that secret, or sends to the wrong path. Use that secret here or fix the sender's URL.`,
    ];
    if (ctx.probe.fields.body.length > BODY_SEARCH_LIMIT)
      parts.push(`The body is larger than ${BODY_SEARCH_LIMIT / 1024} KiB, so body re-encodings were not searched.`);
    return { code: 'signature_mismatch', message: parts.join(' ') };
  }
  const parts = [
    'The signature does not match this body with this secret, and no common mistake explains it: most likely the sender uses a different secret, or the body was changed after signing.',
  ];
  if (others.length > 0) {
    parts.push(
      `The secrets of the other endpoints (${others.map((other) => `"${other.label}"`).join(', ')}) were tried too; none matches.`,
    );
  } else {
    parts.push('There were no other endpoint secrets to try.');
  }
  if (ctx.probe.fields.body.length > BODY_SEARCH_LIMIT)
    parts.push(`The body is larger than ${BODY_SEARCH_LIMIT / 1024} KiB, so body re-encodings were not searched.`);
  return { code: 'signature_mismatch', message: parts.join(' ') };
}
