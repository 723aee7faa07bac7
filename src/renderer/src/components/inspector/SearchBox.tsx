import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { HISTORY_QUALIFIERS } from '../../../../shared/history-qualifiers';
import { suggestQuery, type Suggestion } from '../../lib/query-suggestions';
import { replaceSpan, toggleTerm } from '../../lib/query-text';
import { useStore } from '../../store';
import { QueryHelp } from './QueryHelp';
import { QuerySuggestions, SUGGESTIONS_ID, suggestionId } from './QuerySuggestions';
import { useKnownQueryValues } from './use-known-query-values';
import { SEARCH_INPUT_ID } from '../keyboard/targets';
import { cx } from '../../lib/cx';
import styles from './Search.module.css';

/** The history search: a query box with completions, the engine's error under it, and the syntax help. */
export function SearchBox() {
  const draft = useStore((s) => s.queryDraft);
  const error = useStore((s) => s.queryError);
  const editQuery = useStore((s) => s.editQuery);
  const submitQuery = useStore((s) => s.submitQuery);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState(draft.length);
  const [suggesting, setSuggesting] = useState(false);
  const [active, setActive] = useState(-1);
  const [helpOpen, setHelpOpen] = useState(false);
  const known = useKnownQueryValues(suggesting);

  const list = useMemo(
    () => (suggesting ? suggestQuery(draft, caret, HISTORY_QUALIFIERS, known) : null),
    [suggesting, draft, caret, known],
  );
  const items = list?.items ?? [];

  // The help closes on a click anywhere outside the box.
  useEffect(() => {
    if (!helpOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setHelpOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [helpOpen]);

  const placeCaret = (position: number) => {
    setCaret(position);
    // After React has written the new value into the input.
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(position, position));
  };

  const accept = (item: Suggestion) => {
    if (!list) return;
    const next = replaceSpan(draft, list.span, item.insert);
    // A bare `key:` is no query yet: wait for its value before asking the engine.
    editQuery(next.text, !item.insert.endsWith(':'));
    placeCaret(next.caret);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && items.length > 0) {
      event.preventDefault();
      const last = items.length - 1;
      setActive((current) => (event.key === 'ArrowDown' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1));
      return;
    }
    if (event.key === 'Tab' && items.length > 0 && !event.shiftKey) {
      event.preventDefault();
      accept(items[Math.max(active, 0)]!);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = items[active];
      if (chosen) accept(chosen);
      else {
        submitQuery();
        setSuggesting(false);
      }
      return;
    }
    if (event.key === 'Escape') {
      // Handled here: a dialog's Escape handler must not also act on it.
      event.preventDefault();
      if (helpOpen || (list && suggesting)) {
        setHelpOpen(false);
        setSuggesting(false);
        return;
      }
      submitQuery('');
      inputRef.current?.blur();
    }
  };

  return (
    <div className={styles.box} ref={boxRef}>
      <div className={styles.row}>
        <input
          ref={inputRef}
          id={SEARCH_INPUT_ID}
          type="text"
          className={cx(styles.input, error && styles.inputInvalid)}
          placeholder="Search: text, verdict:invalid, event:model.*, status:5xx …"
          title="Search captures (/ or Ctrl+K)"
          aria-label="Search captures"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={SUGGESTIONS_ID}
          aria-autocomplete="list"
          aria-activedescendant={items[active] ? suggestionId(active) : undefined}
          aria-invalid={error !== null}
          aria-describedby={error ? 'search-error' : undefined}
          spellCheck={false}
          autoComplete="off"
          data-testid="search-input"
          value={draft}
          onChange={(event) => {
            editQuery(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setSuggesting(true);
            setActive(-1);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? draft.length)}
          onKeyDown={onKeyDown}
          onBlur={() => setSuggesting(false)}
        />
        <button
          type="button"
          className={cx('button button-small', styles.helpToggle, helpOpen && styles.helpOpen)}
          aria-label="Search syntax"
          aria-expanded={helpOpen}
          title="Search syntax"
          data-testid="search-help"
          onClick={() => setHelpOpen((open) => !open)}
        >
          ?
        </button>
      </div>
      {error && (
        <div className={styles.error} id="search-error" role="alert" data-testid="search-error">
          {error}
        </div>
      )}
      {list && (list.items.length > 0 || list.hint) && <QuerySuggestions list={list} active={active} onAccept={accept} />}
      {helpOpen && !list && (
        <QueryHelp
          onExample={(example) => {
            submitQuery(toggleTerm(draft, example));
            // Out of the way of the list it just filtered.
            setHelpOpen(false);
          }}
        />
      )}
    </div>
  );
}
