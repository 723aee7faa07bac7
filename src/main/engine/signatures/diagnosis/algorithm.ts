import type { DiagnosisItem } from '../../../../shared/api';
import type { AnyHmacAlgorithm } from '../hmac';
import type { SearchContext } from './context';

const CANDIDATES: AnyHmacAlgorithm[] = ['sha1', 'sha256', 'sha512', 'sha384', 'md5'];

/** wrong_algorithm: the right content and secret, hashed with another HMAC hash. */
export function explainWrongAlgorithm(ctx: SearchContext): DiagnosisItem[] {
  const content = ctx.probe.contentOf(ctx.probe.fields);
  for (const algorithm of CANDIDATES) {
    if (algorithm === ctx.probe.algorithm) continue;
    if (ctx.matchesContent(content, { algorithm })) {
      return [
        {
          code: 'wrong_algorithm',
          message: `The signature is HMAC-${algorithm.toUpperCase()} of the right content; this scheme uses HMAC-${ctx.probe.algorithm.toUpperCase()}. Use createHmac("${ctx.probe.algorithm}", secret) in the sender.`,
        },
      ];
    }
  }
  return [];
}
