import type { DiagnosisItem } from '../../../../shared/api';
import type { DiagnosisProbe } from '../types';
import { explainWrongAlgorithm } from './algorithm';
import { explainBom, explainLineEndings, explainTrailingNewline } from './body-bytes';
import { explainBodyReserialized } from './body-reserialized';
import { explainDecodedAsText } from './body-text-decode';
import { createSearchContext, type Explanation, type OtherSecret } from './context';
import { explainMismatch } from './mismatch';
import { readReceivedMacs } from './received';
import { explainSecretFormat, explainSecretWhitespace } from './secret';
import { explainSignatureEncoding } from './signature-encoding';
import { explainSignedContent } from './signed-content';
import { explainTimestampUnits } from './timestamp-units';

/** Cheapest and most likely first; every family runs, and every match is reported. */
const EXPLANATIONS: Explanation[] = [
  explainSignatureEncoding,
  explainSecretWhitespace,
  explainSecretFormat,
  explainBodyReserialized,
  explainTrailingNewline,
  explainLineEndings,
  explainBom,
  explainDecodedAsText,
  explainSignedContent,
  explainTimestampUnits,
  explainWrongAlgorithm,
];

/**
 * Runs only after a strict mismatch: recomputes the scheme's MAC with one thing changed per
 * attempt and reports each explanation whose MAC appears in the received header. Bounded: about
 * 60 HMACs for a JSON body, body-variant families skipped above 256 KiB.
 */
export function diagnoseMismatch(probe: DiagnosisProbe, otherSecrets: readonly OtherSecret[] = []): DiagnosisItem[] {
  const ctx = createSearchContext(probe, readReceivedMacs(probe.rawSignatureValues), otherSecrets);
  const items = EXPLANATIONS.flatMap((explain) => explain(ctx));
  return items.length > 0 ? items : [explainMismatch(ctx)];
}
