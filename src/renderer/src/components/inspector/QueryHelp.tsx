import { HISTORY_QUALIFIERS } from '../../../../shared/history-qualifiers';
import { cx } from '../../lib/cx';
import styles from './Search.module.css';

interface QueryHelpProps {
  /** Adds an example to the query (or takes it out again). */
  onExample: (example: string) => void;
}

/** Every qualifier the search understands, straight from the parser's own table. */
export function QueryHelp({ onExample }: QueryHelpProps) {
  return (
    <div className={cx(styles.popover, styles.help)} role="region" aria-label="Search help" data-testid="query-help">
      <p className={styles.helpIntro}>
        Words search the captured text. Terms combine with AND; put <code>OR</code> between two for either, <code>-</code> before one to
        exclude it, <code>( )</code> to group, quotes around values with spaces.
      </p>
      <dl className={styles.helpList}>
        {HISTORY_QUALIFIERS.map((qualifier) => (
          <div key={qualifier.key} className={styles.helpItem} data-testid="query-help-row">
            <dt>
              <code>{qualifier.syntax}</code>
              <button
                type="button"
                className={styles.helpExample}
                title="Add to the query"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onExample(qualifier.example)}
              >
                {qualifier.example}
              </button>
            </dt>
            <dd>{qualifier.help}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
