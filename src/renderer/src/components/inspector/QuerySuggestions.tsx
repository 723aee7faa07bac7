import type { Suggestion, SuggestionList } from '../../lib/query-suggestions';

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
    <div className="query-popover query-suggestions" data-testid="query-suggestions">
      {list.hint && (
        <div className="query-suggestions-hint" data-testid="query-hint">
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
              className={`query-suggestion${index === active ? ' query-suggestion-active' : ''}`}
              data-testid="query-suggestion"
              // Keep focus (and the caret) in the box: a click must not blur it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onAccept(item)}
            >
              <span className="query-suggestion-label">{item.label}</span>
              {item.detail && <span className="query-suggestion-detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
