import { useStore } from '../../store';
import { firstDiagnosis } from '../../lib/verdict-label';
import { VerdictBadge } from '../common/VerdictBadge';
import { Section } from '../detail/Section';
import { VerificationDetails } from '../detail/VerificationDetails';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

/** The live verdict of the Lab's inputs, and in what-if mode the stored verdict beside it. */
export function LabResult() {
  const result = useStore((s) => s.labResult);
  const status = useStore((s) => s.labVerifyStatus);
  const error = useStore((s) => s.labVerifyError);
  const mode = useStore((s) => s.labMode);
  const source = useStore((s) => s.labSource);
  const stored = useStore((s) => s.labStored);
  const whatIf = mode === 'what-if' && source.kind === 'capture';

  const aside = (
    <div className="section-actions">
      {status === 'pending' && (
        <span className="muted" data-testid="lab-verifying">
          verifying…
        </span>
      )}
      {result && (
        <VerdictBadge
          verdict={result.verdict}
          reason={result.reason}
          diagnosis={firstDiagnosis(result)}
          keyAlgorithm={result.key_algorithm}
        />
      )}
    </div>
  );

  return (
    <Section title={whatIf ? 'What-if verdict' : 'Verdict'} aside={aside} testId="lab-result">
      {whatIf && (
        <div className={styles.whatIfBanner} data-testid="what-if-banner">
          <strong>What if</strong> — capture #{source.id} re-verified with the settings on the left. Nothing stored changes
          {stored && (
            <>
              ; its stored verdict stays <VerdictBadge verdict={stored.verdict} reason={stored.reason} diagnosis={firstDiagnosis(stored)} />
            </>
          )}
          .
        </div>
      )}
      {error && (
        <div className={cx('inline-error', styles.labVerifyError)} data-testid="lab-verify-error">
          {error}
        </div>
      )}
      {result ? (
        <div
          className={status === 'error' ? styles.labStale : undefined}
          data-testid="lab-verdict"
          data-verdict={result.verdict}
          data-reason={result.reason}
        >
          <VerificationDetails verification={result} />
        </div>
      ) : (
        !error && <p className="note">Verifying…</p>
      )}
    </Section>
  );
}
