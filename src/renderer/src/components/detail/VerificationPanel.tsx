import type { ReactNode } from 'react';
import type { Verification } from '../../../../shared/api';
import { firstDiagnosis } from '../../lib/verdict-label';
import { VerdictBadge } from '../common/VerdictBadge';
import { Section } from './Section';
import { VerificationDetails } from './VerificationDetails';

/**
 * The full verification. Its open state is remembered separately for valid captures (closed by
 * default: the summary line already says "valid") and for the others (open by default: the
 * diagnosis is why the user opened the capture). So collapsing it on a good capture never hides
 * the reason of the next failing one.
 */
export function VerificationPanel({ verification, action }: { verification: Verification; action?: ReactNode }) {
  const valid = verification.verdict === 'valid';
  return (
    <Section
      title={`Verification · ${verification.scheme}`}
      aside={
        <div className="section-actions">
          {action}
          <VerdictBadge
            verdict={verification.verdict}
            reason={verification.reason}
            diagnosis={firstDiagnosis(verification)}
            keyAlgorithm={verification.key_algorithm}
          />
        </div>
      }
      testId="verification"
      collapseId={valid ? 'verification.valid' : 'verification.failed'}
      defaultOpen={!valid}
    >
      <VerificationDetails verification={verification} />
    </Section>
  );
}
