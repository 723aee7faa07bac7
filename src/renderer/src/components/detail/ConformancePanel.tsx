import type { EventConformance } from '../../../../shared/api';
import { Section } from './Section';
import styles from './Verification.module.css';

/** How a DcisionAI event body matches the guide's catalog: unknown type, missing fields, wrong types. */
export function ConformancePanel({ conformance, event }: { conformance: EventConformance; event: string | null }) {
  const ok = conformance.event_type_known && conformance.issues.length === 0;
  const badge = ok
    ? 'conforms'
    : conformance.event_type_known
      ? `${conformance.issues.length} ${conformance.issues.length === 1 ? 'issue' : 'issues'}`
      : 'unknown event';
  return (
    <Section
      title={`Event schema${event ? ` · ${event}` : ''}`}
      aside={
        <span className={`outcome outcome-${ok ? 'good' : 'warn'}`} data-testid="conformance-badge" data-ok={ok}>
          {badge}
        </span>
      }
      testId="conformance"
      // Remembered apart: closing the "conforms" note must not hide the next body's findings.
      collapseId={ok ? 'conformance.ok' : 'conformance.issues'}
      defaultOpen={!ok}
    >
      {ok ? (
        <p className="note">The body matches the catalog’s schema for this event type.</p>
      ) : (
        <ul className={styles.diagnosis} data-testid="conformance-issues">
          {conformance.issues.map((issue, index) => (
            <li key={index} data-testid="conformance-issue">
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
