import { EVENT_TYPES } from '../../../../shared/event-types';
import { toggleEvents } from '../../lib/subscription-draft';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

const CATEGORIES = [...new Set(EVENT_TYPES.map((entry) => entry.category))];

interface EventTypePickerProps {
  selected: readonly string[];
  catalog: readonly string[];
  error?: string;
  onChange: (events: string[]) => void;
}

/** The guide's 16 event types as checkboxes, grouped by category, each group with an "all" switch. */
export function EventTypePicker({ selected, catalog, error, onChange }: EventTypePickerProps) {
  const chosen = new Set(selected);
  return (
    <fieldset className={cx(styles.subsEvents, error && 'field-invalid')} data-testid="subscription-events">
      <legend>
        Events{' '}
        <span className="muted">
          ({selected.length} of {catalog.length})
        </span>
      </legend>
      <div className={styles.subsEventGroups}>
        {CATEGORIES.map((category) => {
          const types = EVENT_TYPES.filter((entry) => entry.category === category).map((entry) => entry.type);
          const all = types.every((type) => chosen.has(type));
          return (
            <div key={category} className={styles.subsEventGroup}>
              <label className={cx('switch', styles.subsEventAll)}>
                <input
                  type="checkbox"
                  data-testid={`event-group-${category}`}
                  checked={all}
                  onChange={(e) => onChange(toggleEvents(selected, types, e.target.checked, catalog))}
                />
                <span>{category}</span>
              </label>
              {EVENT_TYPES.filter((entry) => entry.category === category).map((entry) => (
                <label key={entry.type} className="switch" title={entry.description}>
                  <input
                    type="checkbox"
                    data-testid={`event-${entry.type}`}
                    checked={chosen.has(entry.type)}
                    onChange={(e) => onChange(toggleEvents(selected, [entry.type], e.target.checked, catalog))}
                  />
                  <code>{entry.type}</code>
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {error && (
        <div className="inline-error" data-testid="field-error-subscription-events">
          {error}
        </div>
      )}
    </fieldset>
  );
}
