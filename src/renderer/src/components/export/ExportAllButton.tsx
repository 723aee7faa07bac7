import { exportUrl } from '../../api/send-api';
import { downloadFrom } from '../../lib/download';
import { useStore } from '../../store';

/** The export API takes at most this many ids per request. */
const MAX_EXPORT = 1000;

/** Exports the newest loaded captures (up to 1000) as one HAR file. */
export function ExportAllButton() {
  const count = useStore((s) => s.captures.length);
  const notifyError = useStore((s) => s.notifyError);

  const exportAll = () => {
    const ids = useStore
      .getState()
      .captures.slice(0, MAX_EXPORT)
      .map((row) => row.id);
    downloadFrom(exportUrl(ids, 'har'), 'hookscope.har').catch((error: unknown) => notifyError('Could not export', error));
  };

  return (
    <button
      type="button"
      className="button button-small"
      data-testid="export-all-har"
      disabled={count === 0}
      title={count > MAX_EXPORT ? `Exports the newest ${MAX_EXPORT}` : 'Exports every capture in the list as one HAR file'}
      onClick={exportAll}
    >
      Export HAR
    </button>
  );
}
