import type { HeaderRow } from '../../lib/header-list';
import { useStore } from '../../store';
import styles from './Lab.module.css';

/** Header rows in order, names in their own case, duplicates allowed (as they arrive on the wire). */
export function HeaderListEditor() {
  const headers = useStore((s) => s.labInputs.headers);
  const whatIf = useStore((s) => s.labMode === 'what-if');
  const update = useStore((s) => s.updateLabInputs);
  const newId = useStore((s) => s.newLabHeaderId);

  const change = (id: number, patch: Partial<HeaderRow>) =>
    update({ headers: headers.map((row) => (row.id === id ? { ...row, ...patch } : row)) });

  return (
    <div className={styles.headerList} data-testid="lab-headers">
      {headers.length === 0 && <p className="note">No headers.</p>}
      {headers.map((row) => (
        <div key={row.id} className={styles.headerRow} data-testid="lab-header-row">
          <input
            aria-label="Header name"
            data-testid="lab-header-name"
            spellCheck={false}
            value={row.name}
            disabled={whatIf}
            placeholder="Name"
            onChange={(event) => change(row.id, { name: event.target.value })}
          />
          <input
            aria-label="Header value"
            data-testid="lab-header-value"
            spellCheck={false}
            value={row.value}
            disabled={whatIf}
            placeholder="value"
            onChange={(event) => change(row.id, { value: event.target.value })}
          />
          <button
            type="button"
            className="button button-small"
            aria-label={`Remove ${row.name || 'header'}`}
            title="Remove"
            disabled={whatIf}
            onClick={() => update({ headers: headers.filter((item) => item.id !== row.id) })}
          >
            ✕
          </button>
        </div>
      ))}
      {!whatIf && (
        <button
          type="button"
          className="button button-small"
          data-testid="lab-add-header"
          onClick={() => update({ headers: [...headers, { id: newId(), name: '', value: '' }] })}
        >
          Add header
        </button>
      )}
    </div>
  );
}
