import type { Verification } from '../../../../shared/api';
import { describeTimestampAge, reasonText } from '../../lib/verification-text';
import { VerdictBadge } from '../common/VerdictBadge';
import { Section } from './Section';
import { SignatureCompare } from './SignatureCompare';
import { SignedContent } from './SignedContent';

export function VerificationPanel({ verification }: { verification: Verification }) {
  const { timestamp, tolerance_seconds: tolerance } = verification;
  const outsideTolerance = timestamp.age_seconds !== null && Math.abs(timestamp.age_seconds) > tolerance;

  return (
    <Section
      title={`Verification · ${verification.scheme}`}
      aside={<VerdictBadge verdict={verification.verdict} reason={verification.reason} />}
      testId="verification"
    >
      <p className="verification-reason" data-testid="verification-reason">
        <code>{verification.reason}</code> — {reasonText(verification.reason)}
      </p>

      {verification.diagnosis.length > 0 && (
        <ul className="diagnosis" data-testid="diagnosis">
          {verification.diagnosis.map((item, index) => (
            <li key={index}>
              <code>{item.code}</code> {item.message}
            </li>
          ))}
        </ul>
      )}

      <dl className="kv">
        <div className="kv-row">
          <dt>Timestamp</dt>
          <dd data-testid="timestamp-age" className={outsideTolerance ? 'text-bad' : undefined}>
            {timestamp.value === null
              ? 'none'
              : `${timestamp.value} (${new Date(timestamp.value * 1000).toISOString()})`}
            {timestamp.age_seconds !== null && <> — {describeTimestampAge(timestamp.age_seconds, tolerance)}</>}
          </dd>
        </div>
      </dl>

      <SignatureCompare expected={verification.signature.expected} received={verification.signature.received} />
      <SignedContent base64={verification.signed_content_base64} />
    </Section>
  );
}
