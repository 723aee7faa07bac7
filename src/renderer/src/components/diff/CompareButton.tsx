import { useStore } from '../../store';
import { refLabel, sameRef, type DiffRef } from '../../store/diff-slice';
import { cx } from '../../lib/cx';
import styles from './Diff.module.css';

/**
 * "Compare" marks this capture or send; on any other one it becomes "Compare with <marked>",
 * which opens the diff. Captures and sends can be compared with each other.
 */
export function CompareButton({ target }: { target: DiffRef }) {
  const base = useStore((s) => s.diffBase);
  const markForDiff = useStore((s) => s.markForDiff);
  const openDiff = useStore((s) => s.openDiff);

  if (base === null || sameRef(base, target)) {
    const marked = sameRef(base, target);
    return (
      <button
        type="button"
        className={cx('button button-small', marked && styles.buttonActive)}
        data-testid="compare-mark"
        title={marked ? 'Click to unmark' : 'Mark this one, then open another and compare'}
        onClick={() => markForDiff(marked ? null : target)}
      >
        {marked ? 'Marked for compare' : 'Compare…'}
      </button>
    );
  }
  // Compact, so it does not squeeze the path in the header; × drops the mark.
  return (
    <span className={styles.compareChip} data-testid="compare-chip">
      <button
        type="button"
        className={styles.compareChipMain}
        data-testid="compare-with"
        title={`Compare with ${refLabel(base)}`}
        onClick={() => openDiff(base, target)}
      >
        ⇄ {refLabel(base)}
      </button>
      <button
        type="button"
        className={styles.compareChipClear}
        data-testid="compare-clear"
        aria-label={`Unmark ${refLabel(base)}`}
        title="Unmark"
        onClick={() => markForDiff(null)}
      >
        ×
      </button>
    </span>
  );
}
