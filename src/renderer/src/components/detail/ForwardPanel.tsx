import type { CapturedResponse, ForwardOutcome } from '../../../../shared/api';
import { utf8ToBase64 } from '../../lib/bytes';
import { formatMs } from '../../lib/format';
import { BodyText } from '../compose/BodyText';
import { OutcomeBadge } from '../compose/OutcomeBadge';
import { Section } from './Section';
import tableStyles from './HeadersTable.module.css';
import styles from './Panels.module.css';

/**
 * A forwarded capture's other side: where it went and what the target answered (which is also
 * what the original sender got back). The request side is the capture itself, shown above.
 */
export function ForwardPanel({ forward, response }: { forward: ForwardOutcome; response: CapturedResponse }) {
  const headers = Object.entries(response.headers);
  return (
    <Section
      title="Forwarded"
      aside={<OutcomeBadge status={forward.status} errorCode={forward.error?.code ?? null} />}
      testId="forward"
      collapseId="forward"
    >
      <dl className="kv">
        <div className="kv-row">
          <dt>To</dt>
          <dd data-testid="forward-url">{forward.url}</dd>
        </div>
        <div className="kv-row">
          <dt>Result</dt>
          <dd data-testid="forward-result">
            {forward.error ? `${forward.error.message} — the sender got 502` : `${forward.status ?? '—'} from the target`} in{' '}
            {formatMs(forward.duration_ms)}
          </dd>
        </div>
      </dl>
      {forward.error === null && (
        <div className={styles.forwardResponse}>
          <h4>Target’s response (passed back to the sender)</h4>
          {headers.length > 0 && (
            <table className={tableStyles.table}>
              <tbody>
                {headers.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <BodyText base64={response.body_base64 ?? utf8ToBase64(response.body)} view="pretty" testId="forward-response-body" />
        </div>
      )}
    </Section>
  );
}
