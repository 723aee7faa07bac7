import type { Suggestion, SuggestionList } from '../../lib/query-suggestions';
import { cx } from '../../lib/cx';
import styles from './Search.module.css';

export const SUGGESTIONS_ID = 'query-suggestions';

export function suggestionId(index: number): string {
  return `${SUGGESTIONS_ID}-${index}`;
}

interface QuerySuggestionsProps {
  list: SuggestionList;
  active: number;
  onAccept: (item: Suggestion) => void;
}

/** The completion list under the search box; the box keeps focus and drives it with the keyboard. */
export function QuerySuggestions({ list, active, onAccept }: QuerySuggestionsProps) {
  return (
    <div className={cx(styles.popover, styles.suggestions)} data-testid="query-suggestions">
      {list.hint && (
        <div className={styles.hint} data-testid="query-hint">
          {list.hint}
        </div>
      )}
      {list.items.length > 0 && (
        <ul role="listbox" id={SUGGESTIONS_ID} aria-label="Suggestions">
          {list.items.map((item, index) => (
            <li
              key={item.insert}
              id={suggestionId(index)}
              role="option"
              aria-selected={index === active}
              className={cx(styles.suggestion, index === active && styles.suggestionActive)}
              data-testid="query-suggestion"
              // Keep focus (and the caret) in the box: a click must not blur it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onAccept(item)}
            >
              <span className={styles.suggestionLabel} data-testid="query-suggestion-label">
                {item.label}
              </span>
              {item.detail && <span className={styles.suggestionDetail}>{item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
