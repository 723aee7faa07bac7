import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './PinButton.module.css';

interface PinButtonProps {
  id: number;
  pinned: boolean;
}

/** The star that keeps a capture through retention and Clear all. */
export function PinButton({ id, pinned }: PinButtonProps) {
  const setPinned = useStore((s) => s.setPinned);
  return (
    <button
      type="button"
      className={cx(styles.pin, pinned && styles.on)}
      aria-label={`${pinned ? 'Unpin' : 'Pin'} capture #${id}`}
      aria-pressed={pinned}
      title={pinned ? 'Pinned: kept by retention and Clear all. Click to unpin.' : 'Pin: keep through retention and Clear all'}
      data-testid="pin-toggle"
      onClick={(event) => {
        // In a list row: pinning is not selecting.
        event.stopPropagation();
        void setPinned(id, !pinned);
      }}
    >
      {pinned ? '★' : '☆'}
    </button>
  );
}
