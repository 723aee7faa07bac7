import { useStore } from '../../store';
import { ExportAllButton } from '../export/ExportAllButton';
import { ImportHarButton } from '../export/ImportHarButton';

export function ListToolbar() {
  const count = useStore((s) => s.captures.length);
  const moreAvailable = useStore((s) => s.nextBefore !== null);
  const clearAll = useStore((s) => s.clearAllCaptures);

  const confirmAndClear = () => {
    if (window.confirm('Delete every captured request? This cannot be undone.')) void clearAll();
  };

  return (
    <div className="list-toolbar">
      <span className="list-count" data-testid="capture-count">
        {count}
        {moreAvailable ? '+' : ''} {count === 1 && !moreAvailable ? 'capture' : 'captures'}
      </span>
      <span className="spacer" />
      <ImportHarButton />
      <ExportAllButton />
      <button type="button" className="button button-small button-danger" data-testid="clear-all" onClick={confirmAndClear}>
        Clear all
      </button>
    </div>
  );
}
