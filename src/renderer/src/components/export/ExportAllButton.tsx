import { exportUrl } from '../../api/export-api';
import { MAX_EXPORT_IDS } from '../../../../shared/contract/export';
import { downloadFrom } from '../../lib/download';
import { useStore } from '../../store';

/** Exports the newest loaded captures (as many as the export API takes: 1000) as one HAR file. */
export function ExportAllButton() {
  const count = useStore((s) => s.captures.length);
  const notifyError = useStore((s) => s.notifyError);

  const exportAll = () => {
    const ids = useStore
      .getState()
      .captures.slice(0, MAX_EXPORT_IDS)
      .map((row) => row.id);
    downloadFrom(exportUrl(ids, 'har'), 'hookscope.har').catch((error: unknown) => notifyError('Could not export', error));
  };

  return (
    <button
      type="button"
      className="button button-small"
      data-testid="export-all-har"
      disabled={count === 0}
      title={count > MAX_EXPORT_IDS ? `Exports the newest ${MAX_EXPORT_IDS}` : 'Exports every capture in the list as one HAR file'}
      onClick={exportAll}
    >
      Export HAR
    </button>
  );
}
