import type { ReactNode } from 'react';
import type { Verification } from '../../../../shared/api';
import { firstDiagnosis } from '../../lib/verdict-label';
import { VerdictBadge } from '../common/VerdictBadge';
import { Section } from './Section';
import { VerificationDetails } from './VerificationDetails';

export function VerificationPanel({ verification, action }: { verification: Verification; action?: ReactNode }) {
  return (
    <Section
      title={`Verification · ${verification.scheme}`}
      aside={
        <div className="section-actions">
          {action}
          <VerdictBadge verdict={verification.verdict} reason={verification.reason} diagnosis={firstDiagnosis(verification)} />
        </div>
      }
      testId="verification"
    >
      <VerificationDetails verification={verification} />
    </Section>
  );
}
