import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SchemeDescriptor } from '../../../../shared/api';
import { CUSTOM_SCHEME_ID } from '../../../../shared/scheme-ids';
import { filterSchemeOptions, groupSchemeOptions, schemeOptions, type LeadingOption, type SchemeOption } from '../../lib/scheme-options';
import { cx } from '../../lib/cx';
import styles from './SchemePicker.module.css';

interface SchemePickerProps {
  /** The input's id, for a `<label htmlFor>`. */
  id: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  schemes: readonly SchemeDescriptor[];
  /** The form's own entries before the schemes (Unsigned, “the endpoint’s”). */
  leading?: readonly LeadingOption[];
  /** Offer the user-defined scheme, last. */
  custom?: boolean;
  /** The accessible name when no `<label htmlFor>` names the input. */
  ariaLabel?: string;
}

/** Rows PageUp/PageDown move by: about one screenful of the list. */
const PAGE = 8;
/** The list's height when there is room; less when the window or a dialog leaves less. */
const LIST_HEIGHT = 380;

/** Where the list fits: below the field unless there is clearly more room above it. */
interface Placement {
  up: boolean;
  maxHeight: number;
}

/** The room above and below `element` inside the window and every ancestor that clips (a dialog's scrolling body). */
function placementFor(element: HTMLElement): Placement {
  let top = 0;
  let bottom = window.innerHeight;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(node).overflowY)) {
      const rect = node.getBoundingClientRect();
      top = Math.max(top, rect.top);
      bottom = Math.min(bottom, rect.bottom);
    }
  }
  const field = element.getBoundingClientRect();
  const below = bottom - field.bottom - 8;
  const above = field.top - top - 8;
  const up = below < Math.min(LIST_HEIGHT, 240) && above > below;
  return { up, maxHeight: Math.max(120, Math.min(LIST_HEIGHT, up ? above : below)) };
}

/**
 * The one scheme chooser of the app: an editable combobox (WAI-ARIA APG, list autocomplete) over
 * every scheme of GET /api/schemes, grouped by category, filtered by what is typed (name, id or any
 * header the scheme reads), each option showing its signature header. Focus stays in the input;
 * ↑/↓/PageUp/PageDown move, Enter chooses, Escape closes without changing anything.
 */
export function SchemePicker({ id, testId, value, onChange, schemes, leading, custom = false, ariaLabel }: SchemePickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [placement, setPlacement] = useState<Placement>({ up: false, maxHeight: LIST_HEIGHT });
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const options = useMemo(() => {
    const all = schemeOptions(schemes, { leading, custom });
    // An endpoint may name a scheme this engine no longer lists: keep it visible and chosen.
    if (!all.some((option) => option.value === value)) {
      all.unshift({ value, name: value, detail: 'Not a scheme this engine lists', category: '', terms: [value.toLowerCase()] });
    }
    return all;
  }, [schemes, leading, custom, value]);
  const shown = useMemo(() => filterSchemeOptions(options, query), [options, query]);
  const groups = useMemo(() => groupSchemeOptions(shown), [shown]);
  const selected = options.find((option) => option.value === value);

  useEffect(() => {
    if (open) listRef.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId only depends on id
  }, [open, active, shown]);

  const openList = () => {
    if (inputRef.current) setPlacement(placementFor(inputRef.current));
    setOpen(true);
    setQuery('');
    setActive(
      Math.max(
        0,
        options.findIndex((option) => option.value === value),
      ),
    );
  };
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const choose = (option: SchemeOption | undefined) => {
    if (!option) return;
    if (option.value !== value) onChange(option.value);
    close();
  };
  const move = (by: number) => {
    const last = shown.length - 1;
    setActive((current) => {
      // Single steps wrap around; page steps stop at the ends.
      if (Math.abs(by) === 1 && current + by > last) return 0;
      if (Math.abs(by) === 1 && current + by < 0) return last;
      return Math.min(last, Math.max(0, current + by));
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      if (!open) openList();
      else move(step);
      return;
    }
    if (event.key === 'Enter' && open) {
      // Chooses; must not also submit the form around the picker.
      event.preventDefault();
      choose(shown[active]);
      return;
    }
    if (event.key === 'Escape' && open) {
      // Marked handled so a dialog around the picker stays open.
      event.preventDefault();
      close();
    }
  };

  let index = -1;
  return (
    <div className={cx(styles.schemePicker, open && styles.schemePickerOpen)} data-testid={testId} data-value={value}>
      <div className={styles.schemePickerField}>
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-label={ariaLabel}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
          aria-describedby={`${id}-current`}
          autoComplete="off"
          spellCheck={false}
          data-testid={`${testId}-input`}
          placeholder={open ? `${selected?.name ?? ''} · type a name, id or header` : undefined}
          value={open ? query : (selected?.name ?? value)}
          onChange={(event) => {
            if (!open) setPlacement(placementFor(event.target));
            setQuery(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          // Typing after Tab replaces the shown name instead of appending to it.
          onFocus={(event) => event.target.select()}
          onClick={() => (open ? close() : openList())}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <span className={styles.schemePickerCurrent} id={`${id}-current`}>
          {!open && selected?.detail}
        </span>
        <span
          className={styles.schemePickerChevron}
          data-testid="scheme-picker-chevron"
          aria-hidden="true"
          onMouseDown={(event) => {
            // The input keeps focus; the chevron only opens or closes the list.
            event.preventDefault();
            inputRef.current?.focus();
            if (open) close();
            else openList();
          }}
        >
          ▾
        </span>
      </div>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {open ? `${shown.length} ${shown.length === 1 ? 'choice' : 'choices'}` : ''}
      </div>
      {open && (
        <div
          className={cx(styles.schemePickerPopover, placement.up && styles.schemePickerPopoverUp)}
          style={{ maxHeight: placement.maxHeight }}
          ref={listRef}
          data-testid="scheme-picker-popover"
        >
          <div role="listbox" id={listId} aria-label="Signature schemes" data-testid={`${testId}-list`}>
            {groups.map((group) => {
              const headingId = `${id}-group-${group.category || 'form'}`.replace(/[^\w-]/g, '-');
              return (
                <div
                  key={group.category}
                  role="group"
                  aria-labelledby={group.category ? headingId : undefined}
                  className={styles.schemePickerGroup}
                >
                  {group.category && (
                    <div className={styles.schemePickerHeading} id={headingId} role="presentation">
                      {group.category}
                    </div>
                  )}
                  {group.options.map((option) => {
                    index += 1;
                    const at = index;
                    return (
                      <div
                        key={option.value}
                        id={optionId(at)}
                        role="option"
                        aria-selected={at === active}
                        className={cx(
                          styles.schemePickerOption,
                          at === active && styles.schemePickerOptionActive,
                          option.value === value && styles.schemePickerOptionCurrent,
                        )}
                        data-testid="scheme-option"
                        data-value={option.value}
                        // Keep focus in the input: a click must not blur (and close) it first.
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseMove={() => at !== active && setActive(at)}
                        onClick={() => choose(option)}
                      >
                        <span className={styles.schemePickerName}>{option.name}</span>
                        {option.detail && <span className={styles.schemePickerDetail}>{option.detail}</span>}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
          {shown.every((option) => option.value === CUSTOM_SCHEME_ID) && (
            <div className={styles.schemePickerEmpty} data-testid={`${testId}-empty`}>
              No scheme matches “{query.trim()}”.{custom ? ' Custom lets you define the header and the signed content yourself.' : ''}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
