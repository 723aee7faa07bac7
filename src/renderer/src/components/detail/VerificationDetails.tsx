import type { Verification } from '../../../../shared/api';
import { describeTimestampAge, reasonText } from '../../../../shared/verification-text';
import { DiagnosisList } from './DiagnosisList';
import { SignatureCompare } from './SignatureCompare';
import { SignedContent } from './SignedContent';
import styles from './Verification.module.css';

/** The body of a verification: reason, diagnosis, timestamp, both signatures and the signed bytes. Shared by the Inspector and the Signature Lab. */
export function VerificationDetails({ verification }: { verification: Verification }) {
  const { timestamp, tolerance_seconds: tolerance } = verification;
  const outsideTolerance = timestamp.age_seconds !== null && Math.abs(timestamp.age_seconds) > tolerance;

  return (
    <>
      <p className={styles.reason} data-testid="verification-reason">
        <code>{verification.reason}</code> — {reasonText(verification.reason, verification.key_algorithm)}
      </p>

      <DiagnosisList items={verification.diagnosis} />

      <dl className="kv">
        <div className="kv-row">
          <dt>Timestamp</dt>
          <dd data-testid="timestamp-age" className={outsideTolerance ? 'text-bad' : undefined}>
            {timestamp.value === null ? 'none' : `${timestamp.value} (${new Date(timestamp.value * 1000).toISOString()})`}
            {timestamp.age_seconds !== null && <> — {describeTimestampAge(timestamp.age_seconds, tolerance)}</>}
          </dd>
        </div>
      </dl>

      <SignatureCompare
        expected={verification.signature.expected}
        received={verification.signature.received}
        keyAlgorithm={verification.key_algorithm}
      />
      <SignedContent base64={verification.signed_content_base64} totalSize={verification.signed_content_size} />
    </>
  );
}
