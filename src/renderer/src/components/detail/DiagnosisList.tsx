import type { DiagnosisItem } from '../../../../shared/api';
import styles from './Verification.module.css';

/** Every explanation the engine found for a failed check: its code, and a message naming the fix. */
export function DiagnosisList({ items }: { items: DiagnosisItem[] }) {
  if (items.length === 0) return null;
  return (
    <div className={styles.diagnosis} data-testid="diagnosis">
      <div className={styles.diagnosisTitle}>Diagnosis · {items.length === 1 ? '1 finding' : `${items.length} findings`}</div>
      <ul>
        {items.map((item, index) => (
          <li key={index} className={styles.diagnosisItem} data-testid="diagnosis-item" data-code={item.code}>
            <code className={styles.diagnosisCode}>{item.code}</code>
            <span className={styles.diagnosisMessage} data-testid="diagnosis-message">
              {item.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
