import { HISTORY_QUALIFIERS } from '../../../../shared/history-qualifiers';

interface QueryHelpProps {
  /** Adds an example to the query (or takes it out again). */
  onExample: (example: string) => void;
}

/** Every qualifier the search understands, straight from the parser's own table. */
export function QueryHelp({ onExample }: QueryHelpProps) {
  return (
    <div className="query-popover query-help" role="region" aria-label="Search help" data-testid="query-help">
      <p className="query-help-intro">
        Words search the captured text. Terms combine with AND; put <code>OR</code> between two for either, <code>-</code> before one to
        exclude it, <code>( )</code> to group, quotes around values with spaces.
      </p>
      <dl className="query-help-list">
        {HISTORY_QUALIFIERS.map((qualifier) => (
          <div key={qualifier.key} className="query-help-item" data-testid="query-help-row">
            <dt>
              <code>{qualifier.syntax}</code>
              <button
                type="button"
                className="query-help-example"
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
