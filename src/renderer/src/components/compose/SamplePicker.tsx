import { sampleName } from '../../../../shared/provider-samples';
import { sampleGroups } from '../../lib/compose-sample';
import styles from './Compose.module.css';

const GROUPS = sampleGroups();

/** The providers' sample events, grouped by provider; the option's text is the event type. */
export function SamplePicker({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  return (
    <select
      aria-label="Provider sample"
      className={styles.eventPicker}
      data-testid="compose-sample"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {value === '' && <option value="">Choose a sample…</option>}
      {GROUPS.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.samples.map((sample) => (
            <option key={sampleName(sample)} value={sampleName(sample)} title={sample.description}>
              {sample.event}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
