import type { DiagnosisItem } from '../../../../shared/api';

/** Every explanation the engine found for a failed check: its code, and a message naming the fix. */
export function DiagnosisList({ items }: { items: DiagnosisItem[] }) {
  if (items.length === 0) return null;
  return (
    <div className="diagnosis" data-testid="diagnosis">
      <div className="diagnosis-title">Diagnosis · {items.length === 1 ? '1 finding' : `${items.length} findings`}</div>
      <ul>
        {items.map((item, index) => (
          <li key={index} className="diagnosis-item" data-testid="diagnosis-item" data-code={item.code}>
            <code className="diagnosis-code">{item.code}</code>
            <span className="diagnosis-message">{item.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
