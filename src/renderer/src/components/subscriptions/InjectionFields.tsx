import { timestampChoices, type InjectionForm } from '../../lib/injection-form';
import styles from './Subscriptions.module.css';

interface InjectionFieldsProps {
  form: InjectionForm;
  onChange: (next: InjectionForm) => void;
  /** Prefix of the inputs' ids and test ids, so two sets can share a page. */
  idPrefix: string;
  /** Further fields in the grid (the emit panel's out-of-order batch). */
  children?: React.ReactNode;
}

/** The ways a delivery can be made to misbehave: used when emitting and for a subscription's stored injection. */
export function InjectionFields({ form, onChange, idPrefix, children }: InjectionFieldsProps) {
  // Only the injection's own fields: `form` may be a larger object (the emit panel's options).
  const update = <K extends keyof InjectionForm>(key: K, value: InjectionForm[K]) =>
    onChange({
      duplicate: form.duplicate,
      corruptSignature: form.corruptSignature,
      timestampOffset: form.timestampOffset,
      delayMs: form.delayMs,
      [key]: value,
    });
  return (
    <>
      <label className="switch">
        <input
          type="checkbox"
          data-testid={`${idPrefix}-duplicate`}
          checked={form.duplicate}
          onChange={(e) => update('duplicate', e.target.checked)}
        />
        <span>Deliver twice (same delivery id)</span>
      </label>
      <label className="switch">
        <input
          type="checkbox"
          data-testid={`${idPrefix}-corrupt-signature`}
          checked={form.corruptSignature}
          onChange={(e) => update('corruptSignature', e.target.checked)}
        />
        <span>Corrupt the signature</span>
      </label>
      <div className={styles.subsInjectGrid}>
        <label className="field" htmlFor={`${idPrefix}-timestamp`}>
          <span className="field-label">Timestamp</span>
          <select
            id={`${idPrefix}-timestamp`}
            data-testid={`${idPrefix}-timestamp`}
            value={form.timestampOffset}
            onChange={(e) => update('timestampOffset', e.target.value)}
          >
            {timestampChoices(form.timestampOffset).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${idPrefix}-delay`}>
          <span className="field-label">Delay (ms)</span>
          <input
            id={`${idPrefix}-delay`}
            data-testid={`${idPrefix}-delay`}
            inputMode="numeric"
            placeholder="0"
            value={form.delayMs}
            onChange={(e) => update('delayMs', e.target.value)}
          />
        </label>
        {children}
      </div>
    </>
  );
}
