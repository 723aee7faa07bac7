import { Section } from './Section';
import type { HeaderPairs } from '../../../../shared/http-headers';
import styles from './HeadersTable.module.css';

/** Headers exactly as received: original order and case, duplicates kept. */
export function HeadersTable({
  headers,
  title = 'Headers',
  testId = 'headers',
}: {
  headers: HeaderPairs;
  title?: string;
  testId?: string;
}) {
  return (
    <Section title={`${title} (${headers.length})`} testId={testId}>
      <table className={styles.table} data-testid="headers-table">
        <tbody>
          {headers.map(([name, value], index) => (
            // Index keys are right here: the list is immutable and duplicates are legitimate.
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
