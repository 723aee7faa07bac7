import { hasTerm, qualifierTerm, toggleTerm } from '../../lib/query-text';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './FilterChips.module.css';

interface Chip {
  label: string;
  term: string;
}

/** The common filters, one click each; a chip is pressed while its term is in the query. */
export function FilterChips() {
  const draft = useStore((s) => s.queryDraft);
  const submitQuery = useStore((s) => s.submitQuery);
  const endpointId = useStore((s) => s.detail?.endpoint_id ?? null);
  const event = useStore((s) => s.detail?.event ?? null);
  const endpointName = useStore((s) => s.endpoints.find((endpoint) => endpoint.id === endpointId)?.name ?? endpointId);

  const chips: Chip[] = [
    { label: 'Invalid only', term: 'verdict:invalid' },
    { label: 'Pinned', term: 'is:pinned' },
  ];
  // By id: unambiguous even when two endpoints share a name, and never needs quotes.
  if (endpointId !== null) chips.push({ label: `Endpoint: ${endpointName}`, term: qualifierTerm('endpoint', endpointId) });
  if (event !== null) chips.push({ label: `Event: ${event}`, term: qualifierTerm('event', event) });

  return (
    <div className={styles.chips} role="group" aria-label="Quick filters">
      {chips.map((chip) => {
        const on = hasTerm(draft, chip.term);
        return (
          <button
            key={chip.term}
            type="button"
            className={cx(styles.chip, on && styles.on)}
            aria-pressed={on}
            title={`${on ? 'Remove' : 'Add'} ${chip.term}`}
            data-testid="filter-chip"
            data-term={chip.term}
            onClick={() => submitQuery(toggleTerm(draft, chip.term))}
          >
            {chip.label}
          </button>
        );
      })}
    </div>
  );
}
