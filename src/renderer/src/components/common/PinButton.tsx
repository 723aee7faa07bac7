import { useStore } from '../../store';

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
      className={`pin-button${pinned ? ' pin-button-on' : ''}`}
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
