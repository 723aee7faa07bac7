import type { TimestampMode } from '../../lib/compose-request';
import { Field } from '../endpoints/Field';
import styles from './Compose.module.css';

interface TimestampFieldProps {
  mode: TimestampMode;
  value: string;
  disabled: boolean;
  /** Why the field is off (unsigned, or a scheme that signs no timestamp). */
  disabledHint?: string;
  onChange: (mode: TimestampMode, value: string) => void;
}

const HINTS: Record<TimestampMode, string> = {
  now: 'Signed with the current time.',
  past: 'An old timestamp: a receiver with 5 minutes of tolerance rejects more than 300.',
  future: 'A clock-skewed sender: tests tolerance in the other direction.',
  fixed: 'Exactly this unix time (seconds), e.g. to reproduce a captured signature.',
};

/** The signing timestamp: now, N seconds in the past or future, or a fixed value. */
export function TimestampField({
  mode,
  value,
  disabled,
  disabledHint = 'Unsigned requests carry no timestamp.',
  onChange,
}: TimestampFieldProps) {
  return (
    <Field
      label="Timestamp"
      htmlFor="compose-timestamp-mode"
      hint={<span data-testid="compose-timestamp-hint">{disabled ? disabledHint : HINTS[mode]}</span>}
    >
      <div className={styles.inlineFields}>
        <select
          id="compose-timestamp-mode"
          data-testid="compose-timestamp-mode"
          value={mode}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value as TimestampMode, value)}
        >
          <option value="now">Now</option>
          <option value="past">Seconds in the past</option>
          <option value="future">Seconds in the future</option>
          <option value="fixed">Fixed (unix seconds)</option>
        </select>
        {mode !== 'now' && (
          <input
            aria-label={mode === 'fixed' ? 'Unix time in seconds' : 'Seconds'}
            data-testid="compose-timestamp-value"
            inputMode="numeric"
            value={value}
            disabled={disabled}
            onChange={(event) => onChange(mode, event.target.value)}
          />
        )}
      </div>
    </Field>
  );
}
